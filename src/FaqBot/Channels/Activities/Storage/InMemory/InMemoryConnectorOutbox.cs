namespace FaqBot.Channels.Activities.Storage.InMemory;

/// <summary>
/// The Connector delivery queue in this process's memory (the default): one process, so nothing to take over, but the
/// same leases and order as in the database, so the delivery code is one.
/// </summary>
public sealed class InMemoryConnectorOutbox(TimeProvider time) : IConnectorOutbox
{
    private readonly Lock _gate = new();
    private readonly List<(OutboxItem Item, string Key, DateTimeOffset QueuedAt)> _items = [];
    private readonly Dictionary<string, (object Owner, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private long _lastId;

    public Task<Guid> EnqueueAsync(string conversationKey, Uri serviceUrl, IReadOnlyList<OutboxActivity> activities, CancellationToken cancellationToken)
    {
        var turnId = Guid.NewGuid();
        lock (_gate)
        {
            foreach (var (activity, passageId) in activities)
            {
                _items.Add((new OutboxItem(++_lastId, turnId, serviceUrl, activity, passageId), conversationKey, time.GetUtcNow()));
            }
        }

        return Task.FromResult(turnId);
    }

    public Task<IOutboxLease?> TryLeaseAsync(string conversationKey, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(conversationKey, out var held) && held.Until >= time.GetUtcNow())
            {
                return Task.FromResult<IOutboxLease?>(null);
            }

            var claim = new Lease(this, conversationKey, lease);
            _leases[conversationKey] = (claim, time.GetUtcNow() + lease);
            return Task.FromResult<IOutboxLease?>(claim);
        }
    }

    public Task DropTurnAsync(Guid turnId)
    {
        lock (_gate)
        {
            _items.RemoveAll(entry => entry.Item.TurnId == turnId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> FindAbandonedAsync(TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return Task.FromResult<IReadOnlyList<string>>([.. _items
                .Where(entry => _leases.TryGetValue(entry.Key, out var held) ? held.Until < now : entry.QueuedAt < now - lease)
                .Select(entry => entry.Key)
                .Distinct(StringComparer.Ordinal)
                .Take(limit)]);
        }
    }

    private bool Renew(Lease lease)
    {
        lock (_gate)
        {
            if (!_leases.TryGetValue(lease.Key, out var held) || held.Owner != lease)
            {
                return false;
            }

            _leases[lease.Key] = (lease, time.GetUtcNow() + lease.Duration);
            return true;
        }
    }

    private OutboxItem? Next(Lease lease)
    {
        lock (_gate)
        {
            return Renew(lease) ? _items.FirstOrDefault(entry => entry.Key == lease.Key).Item : null;
        }
    }

    private void Acknowledge(OutboxItem item)
    {
        lock (_gate)
        {
            _items.RemoveAll(entry => entry.Item.Id == item.Id);
        }
    }

    private bool Release(Lease lease)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(lease.Key, out var held) && held.Owner == lease)
            {
                _leases.Remove(lease.Key);
            }

            return _items.Exists(entry => entry.Key == lease.Key);
        }
    }

    private sealed class Lease(InMemoryConnectorOutbox outbox, string key, TimeSpan duration) : IOutboxLease
    {
        public string Key => key;

        public TimeSpan Duration => duration;

        public Task<OutboxItem?> NextAsync(CancellationToken cancellationToken) => Task.FromResult(outbox.Next(this));

        public Task<bool> RenewAsync(CancellationToken cancellationToken) => Task.FromResult(outbox.Renew(this));

        public Task AcknowledgeAsync(OutboxItem item)
        {
            outbox.Acknowledge(item);
            return Task.CompletedTask;
        }

        public Task<bool> ReleaseAsync() => Task.FromResult(outbox.Release(this));
    }
}
