namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// A patient's message in a transcript that the bot has not answered yet: activity <paramref name="Sequence"/> of the
/// transcript, and the message itself (read back from the transcript, the only place it is kept).
/// </summary>
public sealed record PendingTurn(long Sequence, Schema.Activity Message);

/// <summary>The id of a message just appended, and whether it waits as a pending turn in the store.</summary>
/// <param name="Id">The message's id, as the client sees it echoed.</param>
/// <param name="Sequence">Its number in the transcript.</param>
/// <param name="AwaitsReply">
/// True when the store recorded it as a pending turn (answered under an <see cref="ITurnLease"/>); false when it is only
/// kept in this process because the store cannot be reached, and the caller answers it directly.
/// </param>
public sealed record AppendedTurn(string Id, long Sequence, bool AwaitsReply);
