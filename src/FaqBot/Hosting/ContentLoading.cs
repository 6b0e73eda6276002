using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Hosting;

/// <summary>
/// Loads and indexes all content while the server starts, before it listens, so the first patient does not wait for it
/// and a server whose safety content cannot be loaded never starts (<see cref="SafetyContentUnavailableException"/>).
/// </summary>
internal sealed class ContentLoading(IServiceProvider services, ContentFolder folder, ILogger<ContentLoading> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The two largest parts load side by side (start-up is the first patient's wait); the safety content's
        // exception, if any, still stops the start.
        var loadingSafety = Task.Run(services.GetRequiredService<SafetyContent>, cancellationToken);
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var safety = loadingSafety.GetAwaiter().GetResult();
        services.GetRequiredService<ConversationContent>();
        services.GetRequiredService<ReplyOptions>();
        services.GetRequiredService<IReplyComposer>();
        // Only its setting now; LearnedTriageLoading loads the model in the background.
        services.GetRequiredService<LearnedSecondOpinion>();
        logger.LogInformation(
            "Loaded {Passages} passages of {Articles} articles and {Rules} red-flag rules from {Path}",
            knowledge.Content.Passages.Count,
            knowledge.Content.Articles.Count,
            safety.Rules.Rules.Count,
            folder.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
