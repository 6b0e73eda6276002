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
        // The live engine loads every part (safety beside the index; start-up is the first patient's wait); missing
        // safety content throws here and stops the start.
        var engine = services.GetRequiredService<LiveEngine>().Current;
        services.GetRequiredService<IReplyComposer>();
        // Only its setting now; LearnedTriageLoading loads the model in the background.
        services.GetRequiredService<LearnedSecondOpinion>();
        logger.LogInformation(
            "Loaded {Passages} passages of {Articles} articles and {Rules} red-flag rules from {Path}",
            engine.Knowledge.Content.Passages.Count,
            engine.Knowledge.Content.Articles.Count,
            engine.Safety.Rules.Rules.Count,
            folder.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
