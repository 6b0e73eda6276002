using FaqBot.Channels.Activities.Storage;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>
/// Delivers a conversation's queued activities (<see cref="IConnectorOutbox"/>) to the Connector under the queue's
/// lease, in order, each acknowledged once the Connector took it, so it is never sent again. A refused bubble drops the
/// rest of its turn, keeping what the patient reads whole. What is left when this process dies is delivered by another.
/// </summary>
public sealed class ReplyDelivery(
    ConnectorClient connector,
    IConnectorOutbox outbox,
    ISentAnswerIndex sentAnswers,
    IOptions<BotChannelOptions> options,
    TimeProvider time,
    ILogger<ReplyDelivery> logger)
{
    /// <summary>Delivers what waits for <paramref name="conversationKey"/>; nothing when another lease holds it.</summary>
    public async Task DeliverAsync(string conversationKey, CancellationToken cancellationToken)
    {
        try
        {
            bool queuedMeanwhile;
            do
            {
                if (await outbox.TryLeaseAsync(conversationKey, options.Value.OutboxLease, cancellationToken) is not { } lease)
                {
                    return;
                }

                await DeliverLeasedAsync(lease, cancellationToken);
                queuedMeanwhile = await lease.ReleaseAsync();
            }
            while (queuedMeanwhile);
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Queued Connector replies wait: the store is unavailable; they are delivered once it answers");
        }
    }

    private async Task DeliverLeasedAsync(IOutboxLease lease, CancellationToken cancellationToken)
    {
        using var delivering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewWhileDeliveringAsync(lease, delivering.Token);
        try
        {
            while (await lease.NextAsync(cancellationToken) is { } item)
            {
                if (await SendAsync(item, cancellationToken) is not { } sent)
                {
                    // Skipping one bubble (e.g. the urgent advice) and sending the next would change what the patient reads.
                    await outbox.DropTurnAsync(item.TurnId);
                    continue;
                }

                await lease.AcknowledgeAsync(item);
                if (sent.Id is { } id && item.PassageId is not null && item.Activity.Conversation?.Id is { } conversationId)
                {
                    await RecordAsync(conversationId, id, item.PassageId, cancellationToken);
                }
            }
        }
        finally
        {
            await delivering.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>The Connector's answer; null when it refused, or failed after the retry policy gave up.</summary>
    private async Task<Activities.Schema.ResourceResponse?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.SendAsync(item.ServiceUrl, item.Activity, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogError("The Connector could not be reached for a {Type} activity after the retries ({Error})", item.Activity.Type, exception.GetType().Name);
            return null;
        }
    }

    /// <summary>Keeps the lease while a delivery waits out the retry policy (Retry-After may be a minute).</summary>
    private async Task RenewWhileDeliveringAsync(IOutboxLease lease, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.OutboxLease / 3, time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (!await lease.RenewAsync(cancellationToken))
                    {
                        return;
                    }
                }
                catch (StorageUnavailableException)
                {
                    // The next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Delivery is over.
        }
    }

    /// <summary>Remembers the answer's passage for a later rating; a store that is down loses only that link, not the reply.</summary>
    private async Task RecordAsync(string conversationId, string activityId, string passageId, CancellationToken cancellationToken)
    {
        try
        {
            await sentAnswers.RecordAsync(conversationId, activityId, passageId, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Could not record which passage an answer showed: the store is unavailable");
        }
    }
}
