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
        var safety = services.GetRequiredService<SafetyContent>();
        var knowledge = services.GetRequiredService<KnowledgeBase>();
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
