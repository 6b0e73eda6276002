using FaqBot.Triage.Learned;

namespace FaqBot.Hosting;

/// <summary>
/// Loads the learned second opinion's model in the background once the server has started, so the start-up and the
/// first answers are not delayed by it; until it is loaded, and if it is missing or broken, the rules alone decide.
/// A few seconds later it compiles the model for speed (<see cref="LearnedSecondOpinion.Compile"/>); until then
/// ML.NET's engine serves.
/// </summary>
/// <remarks>
/// Resolved here, not injected: <see cref="ContentLoading"/> resolves it first while the server starts, so a bad setting
/// stops the start like every other.
/// </remarks>
internal sealed class LearnedTriageLoading(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<LearnedTriageLoading> logger)
    : BackgroundService
{
    /// <summary>Compiling waits this long after the model has loaded: past the first answers and the typo automata (<see cref="ContentPreparation"/>).</summary>
    private static readonly TimeSpan CompileAfterStart = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the server listens: on a small machine the load would compete with Kestrel's start.
        if (await lifetime.StartedAsync(stoppingToken))
        {
            var secondOpinion = services.GetRequiredService<LearnedSecondOpinion>();
            await Task.Run(() => Load(secondOpinion), stoppingToken);
            if (secondOpinion.State == LearnedTriageState.Ready)
            {
                await Task.Delay(CompileAfterStart, stoppingToken);
                await Task.Run(() => Compile(secondOpinion), stoppingToken);
            }
        }
    }

    private void Compile(LearnedSecondOpinion secondOpinion)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (secondOpinion.Compile())
        {
            logger.LogInformation("Compiled the learned red-flag second opinion in {Milliseconds:0} ms", clock.Elapsed.TotalMilliseconds);
        }
        else
        {
            logger.LogWarning("Learned triage: the model could not be compiled; ML.NET's slower prediction engine serves. {Problem}", secondOpinion.Problem);
        }
    }

    private void Load(LearnedSecondOpinion secondOpinion)
    {
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
