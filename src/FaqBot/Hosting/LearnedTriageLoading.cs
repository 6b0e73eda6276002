using FaqBot.Triage.Learned;

namespace FaqBot.Hosting;

/// <summary>
/// Loads the learned second opinion's model in the background once the server has started, so the start-up and the
/// first answers are not delayed by it; until it is loaded, and if it is missing or broken, the rules alone decide.
/// </summary>
/// <remarks>
/// Resolved here, not injected: <see cref="ContentLoading"/> resolves it first while the server starts, so a bad setting
/// stops the start like every other.
/// </remarks>
internal sealed class LearnedTriageLoading(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<LearnedTriageLoading> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the server listens: on a small machine the load would compete with Kestrel's start.
        if (await lifetime.StartedAsync(stoppingToken))
        {
            await Task.Run(Load, stoppingToken);
        }
    }

    private void Load()
    {
        var secondOpinion = services.GetRequiredService<LearnedSecondOpinion>();
        switch (secondOpinion.Load())
        {
            case LearnedTriageState.Ready:
                logger.LogInformation(
                    "Loaded the learned red-flag second opinion in {Milliseconds:0} ms (threshold {Threshold})",
                    secondOpinion.LoadTime.TotalMilliseconds,
                    secondOpinion.Threshold);
                break;
            case LearnedTriageState.Missing or LearnedTriageState.Broken:
                logger.LogWarning("Learned triage: {Problem}", secondOpinion.Problem);
                break;
        }
    }
}
