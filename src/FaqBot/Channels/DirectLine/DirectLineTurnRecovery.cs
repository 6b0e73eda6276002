using FaqBot.Channels.Activities.Storage;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// Takes over pending turns nobody answers (<see cref="ITranscriptStore.FindAbandonedTurnsAsync"/>): every
/// <c>DirectLine:TurnRecoveryInterval</c> it looks for conversations whose lease ran out (its replica died or hangs) and
/// queues their turns here, so a patient's message stored just before a replica died is still answered, once.
/// </summary>
public sealed class DirectLineTurnRecovery(
    ITranscriptStore store,
    IServiceProvider services,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineTurnRecovery> logger) : BackgroundService
{
    /// <summary>Conversations taken over per look; more wait for the next.</summary>
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not injected: building the bot reads settings, and an invalid setting must stop the start
        // through the settings validation, not while the host creates its services.
        var bot = services.GetRequiredService<DirectLineBot>();
        using var timer = new PeriodicTimer(options.Value.TurnRecoveryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var abandoned = await store.FindAbandonedTurnsAsync(options.Value.TurnLease, Batch, stoppingToken);
                foreach (var conversationId in abandoned)
                {
                    if (await store.FindAsync(conversationId, stoppingToken) is { } conversation)
                    {
                        // When too much work waits here, the next look tries again.
                        bot.TryAnswerPendingTurns(conversation);
                    }
                }

                if (abandoned.Count > 0)
                {
                    logger.LogWarning("Took over the pending turns of {Count} Direct Line conversations nobody answered", abandoned.Count);
                }
            }
            catch (StorageUnavailableException)
            {
                // The next look tries again; the turns stay pending meanwhile.
            }
        }
    }
}
