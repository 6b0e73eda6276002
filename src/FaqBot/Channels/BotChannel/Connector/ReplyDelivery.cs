using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Turns;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>Posts one turn's replies to the Connector: a typing indicator, then the messages in order.</summary>
public sealed class ReplyDelivery(ConnectorClient connector, SentAnswerIndex sentAnswers)
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
                sentAnswers.Record(conversationId, id, passageId);
            }
        }
    }
}
