using FaqBot.Channels.Activities.Queue;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Turns;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>
/// Puts one turn's typing indicator and replies in the Connector delivery queue (<see cref="IConnectorOutbox"/>) and
/// schedules their delivery here, behind the conversation's earlier turns. What is stored is the bot's own reply,
/// addressed by ids only: the patient's display name is left out, as the Connector routes by ids.
/// </summary>
public sealed class ReplyQueue(IConnectorOutbox outbox, ConversationQueue queue, ReplyDelivery delivery)
{
    /// <summary>Queues the replies to <paramref name="inbound"/>; false (nothing queued) when too much is waiting already.</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    public async Task<bool> QueueAsync(Uri serviceUrl, Activity inbound, IReadOnlyList<OutboundActivity> replies, CancellationToken cancellationToken)
    {
        var conversationKey = $"{serviceUrl.AbsoluteUri}|{inbound.Conversation!.Id}";
        OutboxActivity[] activities =
        [
            new(ByIds(ActivityMapper.Typing(inbound)), null),
            .. replies.Select(reply => new OutboxActivity(ByIds(reply.Activity), reply.PassageId)),
        ];
        var turnId = await outbox.EnqueueAsync(conversationKey, serviceUrl, activities, cancellationToken);
        if (TrySchedule(conversationKey))
        {
            return true;
        }

        // Not scheduled: the channel is told to try again, so this turn must not be delivered too.
        await outbox.DropTurnAsync(turnId);
        return false;
    }

    /// <summary>Schedules delivering what waits for <paramref name="conversationKey"/>; false when too much is waiting.</summary>
    public bool TrySchedule(string conversationKey) =>
        queue.TryEnqueue(conversationKey, token => delivery.DeliverAsync(conversationKey, token));

    /// <summary>The activity with its recipient and conversation reduced to what routes it (no names).</summary>
    private static Activity ByIds(Activity activity)
    {
        if (activity.Recipient is { } recipient)
        {
            activity.Recipient = new ChannelAccount { Id = recipient.Id, Role = recipient.Role };
        }

        if (activity.Conversation is { } conversation)
        {
            activity.Conversation = new ConversationAccount
            {
                Id = conversation.Id,
                IsGroup = conversation.IsGroup,
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId,
            };
        }

        return activity;
    }
}
