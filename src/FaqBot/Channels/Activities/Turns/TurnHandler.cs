using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Conversation;
using FaqBot.Telemetry;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>
/// Decides what the bot says for one inbound activity, on every channel; delivery is the channel's job. A singleton:
/// all it uses lives as long as the host.
/// </summary>
public sealed class TurnHandler(
    IReplyComposer composer,
    IConversationMemory memory,
    TimeProvider timeProvider,
    IOptions<TurnOptions> options,
    IOptions<ConversationMemoryOptions> memoryOptions,
    ILogger<TurnHandler> logger)
{
    /// <summary>The activities that answer <paramref name="inbound"/>; empty for activities the bot ignores.</summary>
    /// <param name="turnKey">
    /// Names the turn when it may be composed again (a Direct Line message taken over from a replica that died): the
    /// second composition then starts from the conversation's state before the first, and gives the same reply.
    /// </param>
    public async Task<IReadOnlyList<OutboundActivity>> RespondAsync(Activity inbound, CancellationToken cancellationToken, string? turnKey = null)
    {
        switch (inbound.Type)
        {
            case ActivityTypes.Message:
                var started = timeProvider.GetTimestamp();
                var question = MentionText.Strip(inbound);
                // A bare @mention or a card submit has nothing to search for; the welcome explains what to ask.
                var reply = question.Length == 0 ? composer.Welcome() : await ConverseAsync(question, inbound, turnKey, cancellationToken);
                // One line per turn, for operations: never the patient's text, nor the conversation.
                logger.LogInformation(
                    "Turn on {Channel}: {Kind}, passage {PassageId}, red flags [{RedFlags}], {DurationMs:0.0} ms",
                    inbound.ChannelId,
                    reply.Kind,
                    reply.PassageId,
                    string.Join(",", reply.RedFlags),
                    timeProvider.GetElapsedTime(started).TotalMilliseconds);
                ReplyTelemetry.Replied(reply, inbound.ChannelId);
                return ActivityMapper.ToActivities(reply, inbound);

            case ActivityTypes.ConversationUpdate when WelcomeIsDue(inbound):
                return ActivityMapper.ToActivities(composer.Welcome(), inbound);

            default:
                return [];
        }
    }

    /// <summary>
    /// The reply to <paramref name="question"/> within its conversation: the answer to a pending screening question
    /// if it is a yes or no, else the composed reply, read as a follow-up to the last answer's passage when that is
    /// recent; a screening question the reply carries is remembered as pending, or left out when it was asked before
    /// in the conversation or cannot be remembered; an answer's passage is remembered as the topic.
    /// </summary>
    private async Task<Reply> ConverseAsync(string question, Activity inbound, string? turnKey, CancellationToken cancellationToken)
    {
        var conversationId = inbound.Conversation?.Id;
        ConversationState? state;
        try
        {
            state = conversationId is null ? null : await memory.GetAsync(conversationId, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // Without the conversation's state a "ja" could answer a question nobody sees: apologise, with the urgent numbers.
            logger.LogWarning("The conversation memory on {Channel} is unavailable; sent the apology instead", inbound.ChannelId);
            return composer.Unavailable();
        }

        if (turnKey is not null && state?.TurnKey == turnKey)
        {
            // This turn was composed before and its reply never stored: start from the state before that attempt.
            state = state.Before;
        }

        var before = state is null ? null : state with { TurnKey = null, Before = null };
        ConversationState AsThisTurn(ConversationState changed) =>
            changed with { TurnKey = turnKey, Before = turnKey is null ? null : before };

        Reply? reply = null;
        if (conversationId is not null && state?.Pending is { } pending)
        {
            // Answered or not, the question is no longer pending: anything else is an ordinary message.
            state = state with { Pending = null };
            await TryRememberAsync(conversationId, AsThisTurn(state), cancellationToken);
            if (timeProvider.GetUtcNow() - pending.AskedAt <= memoryOptions.Value.PendingQuestionLifetime)
            {
                reply = ComposeOrApologise(_ => composer.AnswerScreening(pending.Kind, question), inbound.ChannelId);
            }
        }

        var now = timeProvider.GetUtcNow();
        var previous = state?.Topic is { } recent && now - recent.AnsweredAt <= memoryOptions.Value.TopicLifetime
            ? new ConversationTopic(recent.PassageId)
            : null;
        reply ??= ComposeOrApologise(budget => composer.Compose(question, previous, budget), inbound.ChannelId)!;
        // Only the answered passage's id is kept, to read the next message by; a reply without a passage keeps the last one.
        var topic = reply.Kind == ReplyKind.Answer && reply.PassageId is { } passageId ? new AnsweredTopic(passageId, now) : state?.Topic;
        async Task RememberTopicAsync()
        {
            if (conversationId is not null && topic != state?.Topic)
            {
                await TryRememberAsync(conversationId, AsThisTurn((state ?? new ConversationState(null, [])) with { Topic = topic }), cancellationToken);
            }
        }

        if (reply.Screening is not { } screening)
        {
            await RememberTopicAsync();
            return reply;
        }

        var asked = state?.AskedKinds ?? [];
        var remembered = conversationId is not null
            && !asked.Contains(screening.Kind)
            && await TryRememberAsync(
                conversationId,
                AsThisTurn(new ConversationState(new PendingScreening(screening.Kind, now), [.. asked, screening.Kind]) { Topic = topic }),
                cancellationToken);
        // Unremembered, a "ja" could not be understood, so the question is not asked at all.
        if (!remembered)
        {
            await RememberTopicAsync();
            return reply with { Screening = null };
        }

        ReplyTelemetry.ScreeningAsked(screening.Kind);
        return reply;
    }

    /// <summary>Stores <paramref name="state"/>; false when it could not be kept (the store is full or unreachable).</summary>
    private async Task<bool> TryRememberAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        try
        {
            return await memory.SetAsync(conversationId, state, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>
    /// The composed reply, or, when composing fails (a bug, bad content) or runs out of the turn's time budget, an
    /// apology with what to do if it is urgent: the patient is never left without an answer. The exception is logged,
    /// the message is not.
    /// </summary>
    private Reply? ComposeOrApologise(Func<CancellationToken, Reply?> compose, string? channelId)
    {
        using var budget = new CancellationTokenSource(options.Value.TurnBudget, timeProvider);
        try
        {
            return compose(budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            logger.LogWarning("Composing a reply on {Channel} ran out of its {Budget} budget; sent the apology instead", channelId, options.Value.TurnBudget);
            return composer.Unavailable();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Composing a reply on {Channel} failed; sent the apology instead", channelId);
            return composer.Unavailable();
        }
    }

    /// <summary>
    /// Welcome a member other than the bot joining. Teams' personal install is the exception: there the bot itself is the
    /// member added, and that is the moment to greet.
    /// </summary>
    private static bool WelcomeIsDue(Activity inbound)
    {
        var botId = inbound.Recipient?.Id;
        var added = inbound.MembersAdded ?? [];
        if (string.Equals(inbound.ChannelId, ActivityMapper.MsTeams, StringComparison.OrdinalIgnoreCase))
        {
            return inbound.Conversation?.ConversationType == "personal" && added.Any(member => member.Id == botId);
        }

        return added.Any(member => member.Id is not null && member.Id != botId);
    }
}
