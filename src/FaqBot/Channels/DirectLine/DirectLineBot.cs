using System.Collections.Concurrent;
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
/// typing indicator and the replies to the conversation's log. A patient's message is a pending turn in the store until
/// answered (<see cref="DirectLinePendingTurns"/>), so a replica that dies mid-turn leaves it to another.
/// </summary>
public sealed class DirectLineBot(
    TurnHandler turns,
    DirectLinePendingTurns pendingTurns,
    ConversationQueue queue,
    IReplyComposer composer,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    /// <summary>Conversations with a pass over their pending turns queued here and not yet started.</summary>
    private readonly ConcurrentDictionary<string, byte> _scheduled = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Queues the turn for a user message already in the log: through the conversation's pending turns when the store
    /// recorded it as one, else (kept here while the store is away) directly.
    /// </summary>
    public async Task MessageReceivedAsync(ITranscript conversation, Activity message, AppendedTurn appended)
    {
        if (!appended.AwaitsReply)
        {
            await EnqueueAsync(conversation, message, showTyping: true);
        }
        else if (!TryAnswerPendingTurns(conversation))
        {
            // Too much work is waiting: the patient gets the apology with the urgent-advice numbers now, never silence.
            // It settles the turn, so whoever holds the conversation's turns does not answer it again.
            var apology = ActivityMapper.ToActivities(composer.Unavailable(), message).Select(reply => reply.Activity).ToList();
            try
            {
                await conversation.SettleTurnAsync(new PendingTurn(appended.Sequence, message), apology, conversation.StampAt(time.GetUtcNow()));
            }
            catch (StorageUnavailableException)
            {
                // The message is stored and stays pending: it is answered once the store is back.
            }
        }
    }

    /// <summary>
    /// Queues answering the conversation's pending turns, in order, under its lease (a pass already queued and not yet
    /// started will see them all, so none is added); false when too much work is waiting. Also how turns abandoned by a
    /// replica that died are taken over.
    /// </summary>
    public bool TryAnswerPendingTurns(ITranscript conversation)
    {
        if (!_scheduled.TryAdd(conversation.Id, 0))
        {
            return true;
        }

        var queued = queue.TryEnqueue(QueueKey(conversation), async cancellationToken =>
        {
            _scheduled.TryRemove(conversation.Id, out _);
            if (!conversation.Ended.IsCancellationRequested)
            {
                await pendingTurns.AnswerAsync(conversation, cancellationToken);
            }
        });
        if (!queued)
        {
            _scheduled.TryRemove(conversation.Id, out _);
        }

        return queued;
    }

    /// <summary>Completes when all queued turns have run (tests and shutdown).</summary>
    public Task WhenIdleAsync() => queue.WhenIdleAsync();

    private async Task EnqueueAsync(ITranscript conversation, Activity inbound, bool showTyping)
    {
        var queued = queue.TryEnqueue(QueueKey(conversation), async cancellationToken =>
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

    private static string QueueKey(ITranscript conversation) => "directline|" + conversation.Id;
}
