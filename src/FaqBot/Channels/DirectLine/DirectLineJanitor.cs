using FaqBot.Channels.Activities.Storage;

namespace FaqBot.Channels.DirectLine;

/// <summary>Forgets idle conversations every minute, so storage stays bounded without any request driving it.</summary>
public sealed class DirectLineJanitor(ITranscriptStore store, ILogger<DirectLineJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await store.RemoveIdleAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} idle Direct Line conversations", removed);
                }
            }
            catch (StorageUnavailableException)
            {
                // The database is down; the next tick tries again.
                logger.LogWarning("Could not forget idle Direct Line conversations: the store is unavailable");
            }
        }
    }
}
