using FaqBot.Channels.Activities.Storage;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>
/// Takes over Connector delivery queues nobody delivers (<see cref="IConnectorOutbox.FindAbandonedAsync"/>): every
/// <c>BotChannel:OutboxRecoveryInterval</c>, queues whose replica died or hangs past its lease are delivered from here.
/// </summary>
public sealed class ReplyQueueRecovery(
    IConnectorOutbox outbox,
    IServiceProvider services,
    IOptions<BotChannelOptions> options,
    TimeProvider time,
    ILogger<ReplyQueueRecovery> logger) : BackgroundService
{
    /// <summary>Queues taken over per look; more wait for the next.</summary>
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not injected: building the delivery reads the channel's settings, and an invalid setting must
        // stop the start through the settings validation, not while the host creates its services.
        var replies = services.GetRequiredService<ReplyQueue>();
        using var timer = new PeriodicTimer(options.Value.OutboxRecoveryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var abandoned = await outbox.FindAbandonedAsync(options.Value.OutboxLease, Batch, stoppingToken);
                // When too much work waits here, the next look tries again.
                var scheduled = abandoned.Count(replies.TrySchedule);
                if (scheduled > 0)
                {
                    logger.LogWarning("Took over the Connector delivery of {Count} conversations nobody delivered", scheduled);
                }
            }
            catch (StorageUnavailableException)
            {
                // The next look tries again; the replies stay queued meanwhile.
            }
        }
    }
}
