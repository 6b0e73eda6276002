using System.Diagnostics;

namespace FaqBot.Hosting;

/// <summary>
/// A few seconds after the server listens, compiles in the background what early messages would otherwise pay for
/// (8–13 ms once for a message full of near-typos): the typo automata of the red-flag, screening and small-talk words
/// (<see cref="Conversation.ReplyComposer.Prepare"/>). Not at once: on two cores, compiling beside the first request's
/// JIT made the first answer 190 ms later (1,110 against 922 ms median). An engine swapped in by a reload is prepared
/// before it serves.
/// </summary>
internal sealed class ContentPreparation(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<ContentPreparation> logger)
    : BackgroundService
{
    private static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await lifetime.StartedAsync(stoppingToken))
        {
            await Task.Delay(AfterStart, stoppingToken);
            // Resolved here: content that cannot load must stop the start in ContentLoading, not while the host
            // creates its services.
            var engine = services.GetRequiredService<LiveEngine>();
            var clock = Stopwatch.StartNew();
            await Task.Run(engine.Current.Composer.Prepare, stoppingToken);
            logger.LogInformation("Compiled the triage and small-talk typo automata in {Milliseconds:0} ms", clock.Elapsed.TotalMilliseconds);
        }
    }
}
