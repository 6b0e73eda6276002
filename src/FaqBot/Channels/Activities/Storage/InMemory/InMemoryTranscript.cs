using System.Text.Json;
using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.Activities.Storage.InMemory;

/// <summary>
/// One transcript in memory: an append-only log bounded in count and in bytes (each activity's JSON size). The oldest
/// activities are dropped first and numbers are never reused, so a client that was behind simply no longer sees what
/// was dropped and its watermark stays valid. Patient messages not answered yet wait as pending turns beside the log.
/// (Just over 250 lines: the log, its bounds and its pending turns share one lock.)
/// </summary>
public sealed class InMemoryTranscript : ITranscript
{
    private readonly Lock _gate = new();
    private readonly Queue<(Activity Activity, long Sequence, int Bytes)> _log = new();
    private readonly TranscriptLimits _limits;
    private readonly TimeProvider _time;
    private readonly Action<long>? _bytesChanged;
    private readonly CancellationTokenSource _ended = new();
    private readonly List<(PendingTurn Turn, DateTimeOffset ReceivedAt)> _pending = [];
    private InMemoryTurnLease? _lease;
    private DateTimeOffset _leaseUntil;
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private long _lastTouchedTicks;
    private long _bytes;
    private int _openStreams;
    private bool _isEnded;

    /// <param name="bytesChanged">Told every change of <see cref="Bytes"/>, so the store can keep a total.</param>
    public InMemoryTranscript(string id, string userId, TranscriptLimits limits, TimeProvider time, Action<long>? bytesChanged = null)
    {
        Id = id;
        UserId = userId;
        _limits = limits;
        _time = time;
        _bytesChanged = bytesChanged;
        Touch();
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The last time a client asked for or sent anything.</summary>
    public DateTimeOffset LastTouched => new(Interlocked.Read(ref _lastTouchedTicks), TimeSpan.Zero);

    public CancellationToken Ended => _ended.Token;

    /// <summary>The JSON size of the activities in the log.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether a client has a stream open (such a transcript is evicted last).</summary>
    public bool HasOpenStream => Volatile.Read(ref _openStreams) > 0;

    public void Touch() => Interlocked.Exchange(ref _lastTouchedTicks, _time.GetUtcNow().UtcTicks);

    public IDisposable StreamOpened()
    {
        Interlocked.Increment(ref _openStreams);
        return new StreamRegistration(this);
    }

    public Task<string> AppendAsync(Activity activity, TranscriptStamp stamp, CancellationToken cancellationToken) =>
        Task.FromResult(Append(activity, stamp, opensTurn: false).Id);

    public Task<AppendedTurn> AppendTurnAsync(Activity message, TranscriptStamp stamp, CancellationToken cancellationToken) =>
        Task.FromResult(Append(message, stamp, opensTurn: true));

    public Task<bool> SettleTurnAsync(PendingTurn turn, IReadOnlyList<Activity> replies, TranscriptStamp stamp) =>
        Task.FromResult(CompleteTurn(lease: null, turn, replies, stamp));

    public Task<ITurnLease?> TryLeaseTurnsAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_lease is not null && _leaseUntil >= now)
            {
                return Task.FromResult<ITurnLease?>(null);
            }

            _lease = new InMemoryTurnLease(this, lease);
            _leaseUntil = now + lease;
            return Task.FromResult<ITurnLease?>(_lease);
        }
    }

    /// <summary>Whether turns wait that nobody answers: the lease ran out, or none was taken within one lease of arrival.</summary>
    public bool HasAbandonedTurns(TimeSpan lease)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _pending.Count > 0 && (_lease is null ? _pending[0].ReceivedAt < now - lease : _leaseUntil < now);
        }
    }

    /// <summary>The earliest pending turn while <paramref name="lease"/> holds (renewing it), else null.</summary>
    internal PendingTurn? NextTurn(InMemoryTurnLease lease, TimeSpan duration)
    {
        lock (_gate)
        {
            if (_lease != lease || _pending.Count == 0)
            {
                return null;
            }

            _leaseUntil = _time.GetUtcNow() + duration;
            return _pending[0].Turn;
        }
    }

    /// <summary>
    /// Marks <paramref name="turn"/> answered and appends the replies, if it is pending and <paramref name="lease"/> (when
    /// given) still holds.
    /// </summary>
    internal bool CompleteTurn(InMemoryTurnLease? lease, PendingTurn turn, IReadOnlyList<Activity> replies, TranscriptStamp stamp)
    {
        lock (_gate)
        {
            if ((lease is not null && _lease != lease) || _pending.RemoveAll(entry => entry.Turn.Sequence == turn.Sequence) == 0)
            {
                return false;
            }
        }

        foreach (var reply in replies)
        {
            Append(reply, stamp, opensTurn: false);
        }

        return true;
    }

    /// <summary>Lets <paramref name="lease"/> go; true when turns are pending.</summary>
    internal bool ReleaseTurns(InMemoryTurnLease lease)
    {
        lock (_gate)
        {
            if (_lease == lease)
            {
                _lease = null;
            }

            return _pending.Count > 0;
        }
    }

    public Task<TranscriptPage> ReadAfterAsync(long watermark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var activities = _log.Where(entry => entry.Sequence > watermark).Select(entry => entry.Activity).ToList();
            return Task.FromResult(new TranscriptPage(activities, Math.Max(watermark, _lastSequence)));
        }
    }

    public Task WaitForActivityAfterAsync(long watermark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _lastSequence > watermark ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the transcript: its activities are released and open streams close.</summary>
    public void End()
    {
        long released;
        lock (_gate)
        {
            if (_isEnded)
            {
                return;
            }

            _isEnded = true;
            released = _bytes;
            _log.Clear();
            _pending.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }

        _bytesChanged?.Invoke(-released);
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }

    private AppendedTurn Append(Activity activity, TranscriptStamp stamp, bool opensTurn)
    {
        TaskCompletionSource changed;
        string id;
        long delta;
        long sequence;
        lock (_gate)
        {
            sequence = ++_lastSequence;
            id = stamp(activity, sequence);
            if (_isEnded)
            {
                // Forgotten while a turn was running: nobody can read it any more, so it is not kept.
                return new AppendedTurn(id, _lastSequence, AwaitsReply: false);
            }

            // Serialised once here: the size is what the log is bounded by, and what could not be sent back is never kept.
            var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options).Length;
            _log.Enqueue((activity, _lastSequence, bytes));
            if (opensTurn)
            {
                _pending.Add((new PendingTurn(_lastSequence, activity), _time.GetUtcNow()));
                // Bounded like the log: a conversation cannot owe more replies than it keeps messages.
                if (_pending.Count > _limits.MaxActivitiesPerConversation)
                {
                    _pending.RemoveAt(0);
                }
            }

            delta = bytes;
            // The newest activity always stays, so a reply larger than the bound is still delivered.
            while (_log.Count > 1 && (_log.Count > _limits.MaxActivitiesPerConversation || _bytes + delta > _limits.MaxConversationBytes))
            {
                delta -= _log.Dequeue().Bytes;
            }

            Interlocked.Add(ref _bytes, delta);
            changed = _changed;
            _changed = NewSignal();
        }

        _bytesChanged?.Invoke(delta);
        changed.TrySetResult();
        return new AppendedTurn(id, sequence, opensTurn);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class StreamRegistration(InMemoryTranscript transcript) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref transcript._openStreams);
            }
        }
    }
}
