namespace FaqBot.Channels.DirectLine;

/// <summary>Forgets idle conversations every minute, so memory stays bounded without any request driving it.</summary>
public sealed class DirectLineJanitor(DirectLineConversationStore store, ILogger<DirectLineJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var removed = store.RemoveIdle();
            if (removed > 0)
            {
                logger.LogInformation("Forgot {Count} idle Direct Line conversations; {Remaining} remain", removed, store.Count);
            }
        }
    }
}
