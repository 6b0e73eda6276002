namespace FaqBot.Channels.Activities.Memory;

/// <summary>
/// What the bot remembers of one conversation between turns. Serialisable, and never the patient's text: only which
/// screening question waits for an answer, which have been asked, and which passage the last answer showed.
/// </summary>
/// <param name="Pending">The screening question asked in the last reply, if its answer is still awaited.</param>
/// <param name="AskedKinds">The red-flag kinds a screening question has been asked about; never asked again.</param>
public sealed record ConversationState(PendingScreening? Pending, IReadOnlyList<string> AskedKinds)
{
    /// <summary>
    /// The turn that last changed this state (a Direct Line message's id), when the channel names it: a turn composed
    /// again for the same message — its replica died before storing the reply — starts from <see cref="Before"/>, not
    /// from what its first attempt left.
    /// </summary>
    public string? TurnKey { get; init; }

    /// <summary>The state before the turn <see cref="TurnKey"/> changed it (null: there was none).</summary>
    public ConversationState? Before { get; init; }

    /// <summary>The passage the last answer showed, to read a follow-up by ("og hvad med øvelser?"); null: none recent.</summary>
    public AnsweredTopic? Topic { get; init; }
}

/// <summary>The passage a conversation's last answer showed, and when.</summary>
/// <param name="PassageId">The passage's id: an id from the articles, never the patient's words.</param>
/// <param name="AnsweredAt">When; after <see cref="ConversationMemoryOptions.TopicLifetime"/> a message is read alone again.</param>
public sealed record AnsweredTopic(string PassageId, DateTimeOffset AnsweredAt);

/// <summary>A screening question waiting for its yes or no.</summary>
/// <param name="Kind">The red-flag kind asked about.</param>
/// <param name="AskedAt">When it was asked; an answer after <see cref="ConversationMemoryOptions.PendingQuestionLifetime"/> is not taken as one.</param>
public sealed record PendingScreening(string Kind, DateTimeOffset AskedAt);
