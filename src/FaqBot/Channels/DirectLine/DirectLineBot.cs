using FaqBot.Channels.Activities.Queue;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Turns;
using FaqBot.Conversation;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// Hands Direct Line activities to the <see cref="TurnHandler"/> every channel shares, in-process and
/// in the background (so the client's POST returns at once), one turn at a time per conversation, and appends the
/// typing indicator and the replies to the conversation's log.
/// </summary>
public sealed class DirectLineBot(
    TurnHandler turns,
    ConversationQueue queue,
    IReplyComposer composer,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    /// <summary>The bot as a member of every Direct Line conversation.</summary>
    public ChannelAccount Account => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>Tells the bot a patient opened the chat, so it greets them; the update itself is never shown to clients.</summary>
    public Task ConversationStartedAsync(ITranscript conversation, string? locale)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = DirectLineConversation.ChannelId,
            From = new ChannelAccount { Id = conversation.UserId, Role = "user" },
            Recipient = Account,
            Conversation = new ConversationAccount { Id = conversation.Id },
            MembersAdded = [Account, new ChannelAccount { Id = conversation.UserId, Role = "user" }],
            Locale = locale,
        };
        return EnqueueAsync(conversation, update, showTyping: false);
    }

    /// <summary>Queues a turn for a user message already in the log.</summary>
    public Task MessageReceivedAsync(ITranscript conversation, Activity message) => EnqueueAsync(conversation, message, showTyping: true);

    /// <summary>Completes when all queued turns have run (tests and shutdown).</summary>
    public Task WhenIdleAsync() => queue.WhenIdleAsync();

    private async Task EnqueueAsync(ITranscript conversation, Activity inbound, bool showTyping)
    {
        var queued = queue.TryEnqueue("directline|" + conversation.Id, async cancellationToken =>
        {
            if (conversation.Ended.IsCancellationRequested)
            {
                return;
            }

            if (showTyping)
            {
                await conversation.AppendAsync(ActivityMapper.Typing(inbound), time.GetUtcNow(), cancellationToken);
            }

            foreach (var reply in await turns.RespondAsync(inbound, cancellationToken))
            {
                await conversation.AppendAsync(reply.Activity, time.GetUtcNow(), cancellationToken);
            }
        });
        if (!queued && inbound.Type == ActivityTypes.Message)
        {
            // Too much work is waiting: the patient gets the apology with the urgent-advice numbers now, never silence.
            foreach (var reply in ActivityMapper.ToActivities(composer.Unavailable(), inbound))
            {
                await conversation.AppendAsync(reply.Activity, time.GetUtcNow());
            }
        }
    }
}
