namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Where conversation transcripts live: one append-only, bounded log of activities per conversation, numbered from 1
/// (a client's watermark is the number of the last activity it has seen). Idle transcripts expire and the whole store is
/// bounded by <see cref="TranscriptLimits"/>. The only place a patient's words are kept.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>The transcript, touched, or null when it never existed or has expired.</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached and this process does not hold it.</exception>
    Task<ITranscript?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// The transcript of <paramref name="conversationId"/>, started for <paramref name="userId"/> if it did not exist
    /// (<c>Created</c>); at a bound the least recently used transcript makes room.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<(ITranscript Transcript, bool Created)> GetOrStartAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>Forgets transcripts nobody used for <see cref="TranscriptLimits.IdleTimeout"/>; returns how many.</summary>
    Task<int> RemoveIdleAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Conversations with pending turns that nobody answers: the claim on them ran out (its replica died or hangs), or
    /// nobody claimed them within <paramref name="lease"/> of their arrival. At most <paramref name="limit"/>.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<IReadOnlyList<string>> FindAbandonedTurnsAsync(TimeSpan lease, int limit, CancellationToken cancellationToken);
}

/// <summary>One conversation's transcript, as this process sees it.</summary>
public interface ITranscript
{
    string Id { get; }

    /// <summary>The user the conversation was started for.</summary>
    string UserId { get; }

    /// <summary>Cancelled when the transcript is forgotten (expired or evicted), which closes its streams.</summary>
    CancellationToken Ended { get; }

    /// <summary>Counts a stream open on this transcript; dispose the result when it closes.</summary>
    IDisposable StreamOpened();

    /// <summary>Marks the transcript as in use, so it does not expire.</summary>
    void Touch();

    /// <summary>
    /// Numbers <paramref name="activity"/> (<paramref name="stamp"/> writes the number into it and returns its id) and
    /// appends it. Never throws for an unreachable store: the activity is then kept in this process until it can be
    /// written, and readers here still see it.
    /// </summary>
    Task<string> AppendAsync(Schema.Activity activity, TranscriptStamp stamp, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a patient's <paramref name="message"/> as <see cref="AppendAsync"/> does and, in the same write, records it
    /// as a pending turn, so the reply is owed even if this process dies before composing it.
    /// </summary>
    Task<AppendedTurn> AppendTurnAsync(Schema.Activity message, TranscriptStamp stamp, CancellationToken cancellationToken);

    /// <summary>
    /// Claims this conversation's pending turns for <paramref name="lease"/> (renewed by each
    /// <see cref="ITurnLease.NextAsync"/>); null when another claim holds them.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<ITurnLease?> TryLeaseTurnsAsync(TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Answers <paramref name="turn"/> out of its order and whoever holds the lease, as <see cref="ITurnLease.CompleteAsync"/>
    /// does (for the apology when too much work waits); false, and nothing appended, when it was answered already.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<bool> SettleTurnAsync(PendingTurn turn, IReadOnlyList<Schema.Activity> replies, TranscriptStamp stamp);

    /// <summary>The activities after <paramref name="watermark"/> and the watermark to ask with next.</summary>
    Task<TranscriptPage> ReadAfterAsync(long watermark, CancellationToken cancellationToken);

    /// <summary>Completes once there may be an activity after <paramref name="watermark"/>.</summary>
    Task WaitForActivityAfterAsync(long watermark, CancellationToken cancellationToken);
}

/// <summary>Writes <paramref name="sequence"/> into <paramref name="activity"/> as the channel numbers it; returns its id.</summary>
public delegate string TranscriptStamp(Schema.Activity activity, long sequence);

/// <summary>Activities after a watermark, and the watermark after them.</summary>
/// <param name="ProvisionalThrough">
/// The highest number among activities kept in this process while the store is away (0: none). Such activities keep
/// their id when stored, but the <paramref name="Watermark"/> never passes them, so a client that reads again once the
/// store is back also gets what other replicas stored just before (Web Chat shows an activity it already has once, by id).
/// </param>
public sealed record TranscriptPage(IReadOnlyList<Schema.Activity> Activities, long Watermark, long ProvisionalThrough = 0);
