namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// One replica's claim on a conversation's pending turns, so they are answered once and in order however many replicas
/// run: nobody else answers them while it holds, and a replica that dies lets it run out, after which another takes
/// them over (<see cref="ITranscriptStore.FindAbandonedTurnsAsync"/>). Every <see cref="NextAsync"/> renews it.
/// </summary>
public interface ITurnLease
{
    /// <summary>The earliest pending turn, renewing the claim; null when none is left or the claim was lost.</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached (the turn stays pending).</exception>
    Task<PendingTurn?> NextAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="replies"/> (stamped in order by <paramref name="stamp"/>) and marks <paramref name="turn"/>
    /// answered, in one write, only if this claim still holds; false, and nothing appended, when another replica took the
    /// turn over meanwhile (it answers it instead).
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached (the turn stays pending).</exception>
    Task<bool> CompleteAsync(PendingTurn turn, IReadOnlyList<Schema.Activity> replies, TranscriptStamp stamp);

    /// <summary>Lets the claim go; true when a turn is pending again (it arrived while held), so the caller claims again.</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached (the claim then runs out by itself).</exception>
    Task<bool> ReleaseAsync();
}
