using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Turns;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>Posts one turn's replies to the Connector: a typing indicator, then the messages in order.</summary>
public sealed class ReplyDelivery(ConnectorClient connector, ISentAnswerIndex sentAnswers, ILogger<ReplyDelivery> logger)
{
    /// <summary>Sends <paramref name="replies"/> to <paramref name="serviceUrl"/>; a refused message stops the rest, keeping order.</summary>
    public async Task DeliverAsync(Uri serviceUrl, Activity inbound, IReadOnlyList<OutboundActivity> replies, CancellationToken cancellationToken)
    {
        await connector.SendAsync(serviceUrl, ActivityMapper.Typing(inbound), cancellationToken);
        foreach (var (reply, passageId) in replies)
        {
            var sent = await connector.SendAsync(serviceUrl, reply, cancellationToken);
            if (sent is null)
            {
                // Skipping one bubble (e.g. the urgent advice) and sending the next would change what the patient reads.
                return;
            }

            if (sent.Id is { } id && passageId is not null && reply.Conversation?.Id is { } conversationId)
            {
                await RecordAsync(conversationId, id, passageId, cancellationToken);
            }
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
