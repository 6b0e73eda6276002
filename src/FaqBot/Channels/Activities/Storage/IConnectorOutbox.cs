namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// The Connector delivery queue: each turn's outbound activities (the bot's own replies, addressed by ids only) wait
/// here, in order per conversation, until the Connector acknowledged them. In PostgreSQL they outlive the replica that
/// queued them: a conversation's queue is delivered under a lease, and one whose replica died is taken over
/// (<see cref="FindAbandonedAsync"/>).
/// </summary>
public interface IConnectorOutbox
{
    /// <summary>Queues one turn's <paramref name="activities"/> for <paramref name="conversationKey"/>, after what waits there.</summary>
    /// <returns>The turn's id, to drop it again (<see cref="DropTurnAsync"/>) when it cannot be scheduled.</returns>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<Guid> EnqueueAsync(string conversationKey, Uri serviceUrl, IReadOnlyList<OutboxActivity> activities, CancellationToken cancellationToken);

    /// <summary>Claims the conversation's queue for <paramref name="lease"/>; null when another claim holds it.</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<IOutboxLease?> TryLeaseAsync(string conversationKey, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Forgets what is left of turn <paramref name="turnId"/> (the Connector refused a bubble of it, or it was never scheduled).</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task DropTurnAsync(Guid turnId);

    /// <summary>Conversations with queued activities nobody delivers: the lease ran out, or none was taken within one lease.</summary>
    /// <exception cref="StorageUnavailableException">The store cannot be reached.</exception>
    Task<IReadOnlyList<string>> FindAbandonedAsync(TimeSpan lease, int limit, CancellationToken cancellationToken);
}

/// <summary>One replica's claim on one conversation's delivery queue; renewed by <see cref="NextAsync"/> and <see cref="RenewAsync"/>.</summary>
public interface IOutboxLease
{
    /// <summary>The earliest activity waiting, renewing the claim; null when none is left or the claim was lost.</summary>
    Task<OutboxItem?> NextAsync(CancellationToken cancellationToken);

    /// <summary>Keeps the claim while a delivery is retried; false when it was lost.</summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken);

    /// <summary>The Connector acknowledged <paramref name="item"/>: it is never sent again.</summary>
    Task AcknowledgeAsync(OutboxItem item);

    /// <summary>Lets the claim go; true when activities wait again (queued while it was held), so the caller claims again.</summary>
    Task<bool> ReleaseAsync();
}

/// <summary>An activity to send and the passage it shows (remembered for Teams feedback once sent).</summary>
public sealed record OutboxActivity(Schema.Activity Activity, string? PassageId);

/// <summary>A queued activity: its place in the queue, its turn, where it goes and what it is.</summary>
public sealed record OutboxItem(long Id, Guid TurnId, Uri ServiceUrl, Schema.Activity Activity, string? PassageId);
