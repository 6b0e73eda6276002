using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// This process's handle on one transcript in the database. It wakes local streams when any replica appends, and while
/// the database is away it keeps the activities appended here (the patient's message, the apology) numbered after the
/// last it knew, serves them to readers here, and writes them in order once the database is back. (Over 250 lines:
/// keeping, flushing and waking share one lock and one write gate, which are clearest in one type.)
/// </summary>
internal sealed class PostgresTranscript(PostgresTranscriptStore store, string id, string userId, long lastSequence) : ITranscript
{
    /// <summary>A use is written to the database at most this often (idle expiry is counted in minutes).</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far past the last number heard of activities kept while the database is away are numbered: far more than
    /// another replica can have stored in the moment before this one stopped hearing of it.
    /// </summary>
    private const long ProvisionalGap = 1000;

    /// <summary>How often activities kept here are offered to the database again.</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly List<(Activity Activity, TranscriptStamp Stamp, long Sequence)> _unsaved = [];
    private readonly CancellationTokenSource _ended = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _known = lastSequence;
    private long _lastUsedTicks = store.Time.GetUtcNow().UtcTicks;
    private long _lastTouchWrittenTicks = store.Time.GetUtcNow().UtcTicks;
    private int _openStreams;
    private int _flushScheduled;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public CancellationToken Ended => _ended.Token;

    public IDisposable StreamOpened()
    {
        if (Interlocked.Increment(ref _openStreams) == 1)
        {
            // Every replica's eviction sees it at once; the client's pings renew it (Touch).
            _ = TouchInBackgroundAsync();
        }

        return new StreamRegistration(this);
    }

    public void Touch()
    {
        var now = store.Time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _lastUsedTicks, now);
        var written = Interlocked.Read(ref _lastTouchWrittenTicks);
        if (now - written >= TouchInterval.Ticks && Interlocked.CompareExchange(ref _lastTouchWrittenTicks, now, written) == written)
        {
            _ = TouchInBackgroundAsync();
        }
    }

    public async Task<string> AppendAsync(Activity activity, TranscriptStamp stamp, CancellationToken cancellationToken) =>
        (await AppendAsync(activity, stamp, opensTurn: false)).Id;

    public Task<AppendedTurn> AppendTurnAsync(Activity message, TranscriptStamp stamp, CancellationToken cancellationToken) =>
        AppendAsync(message, stamp, opensTurn: true);

    public Task<ITurnLease?> TryLeaseTurnsAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        PostgresTurnLease.TryClaimAsync(store, this, lease, cancellationToken);

    public Task<bool> SettleTurnAsync(PendingTurn turn, IReadOnlyList<Activity> replies, TranscriptStamp stamp) =>
        PostgresTurnLease.SettleAsync(store, this, owner: null, turn, replies, stamp);

    public async Task<TranscriptPage> ReadAfterAsync(long watermark, CancellationToken cancellationToken)
    {
        if (HasUnsaved && !await FlushAsync())
        {
            return UnsavedAfter(watermark);
        }

        try
        {
            if (await store.ReadAsync(Id, watermark, cancellationToken) is not { } page)
            {
                End();
                return new TranscriptPage([], watermark);
            }

            Advanced(page.Watermark);
            return page;
        }
        catch (StorageUnavailableException)
        {
            return UnsavedAfter(watermark);
        }
    }

    public Task WaitForActivityAfterAsync(long watermark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var highest = Math.Max(_known, _unsaved.Count > 0 ? _unsaved[^1].Sequence : 0);
            return highest > watermark ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Whether nothing used this handle since <paramref name="cutoff"/> and it holds nothing unwritten.</summary>
    public bool IsIdleSince(DateTimeOffset cutoff) =>
        Interlocked.Read(ref _lastUsedTicks) < cutoff.UtcTicks && Volatile.Read(ref _openStreams) == 0 && !HasUnsaved;

    /// <summary>Writes the activities kept while the database was away, in order; true when none is left.</summary>
    public async Task<bool> FlushAsync()
    {
        await _writeGate.WaitAsync(CancellationToken.None);
        try
        {
            return await FlushHeldAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Some replica appended activity <paramref name="sequence"/>: streams here wake up.</summary>
    public void Advanced(long sequence)
    {
        TaskCompletionSource? changed = null;
        lock (_gate)
        {
            if (sequence > _known)
            {
                _known = sequence;
                changed = _changed;
                _changed = NewSignal();
            }
        }

        changed?.TrySetResult();
    }

    /// <summary>Wakes the streams so they read again (after missed notifications).</summary>
    public void Wake()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    public void End()
    {
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }

    /// <summary>
    /// Writes the activity (a pending turn too with <paramref name="opensTurn"/>); kept here when the database does not
    /// take it, and then it awaits no reply from the store: the caller answers it directly.
    /// </summary>
    private async Task<AppendedTurn> AppendAsync(Activity activity, TranscriptStamp stamp, bool opensTurn)
    {
        await _writeGate.WaitAsync(CancellationToken.None);
        try
        {
            if (await FlushHeldAsync())
            {
                try
                {
                    if (await store.WriteAsync(Id, activity, stamp, opensTurn) is not var (sequence, written))
                    {
                        // Forgotten meanwhile (expired or evicted): nobody can read it any more, so it is not kept.
                        End();
                        var next = Interlocked.Read(ref _known) + 1;
                        return new AppendedTurn(stamp(activity, next), next, AwaitsReply: false);
                    }

                    Advanced(sequence);
                    return new AppendedTurn(written, sequence, opensTurn);
                }
                catch (StorageUnavailableException)
                {
                    // Kept below until the database is back.
                }
            }

            var (keptId, keptSequence) = Keep(activity, stamp);
            return new AppendedTurn(keptId, keptSequence, AwaitsReply: false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private bool HasUnsaved
    {
        get
        {
            lock (_gate)
            {
                return _unsaved.Count > 0;
            }
        }
    }

    /// <summary>Under the write gate: writes what was kept, stopping at the first failure.</summary>
    private async Task<bool> FlushHeldAsync()
    {
        while (true)
        {
            (Activity Activity, TranscriptStamp Stamp, long Sequence) first;
            lock (_gate)
            {
                if (_unsaved.Count == 0)
                {
                    return true;
                }

                first = _unsaved[0];
            }

            try
            {
                var written = await store.WriteAsync(Id, first.Activity, first.Stamp, provisional: first.Sequence);
                lock (_gate)
                {
                    _unsaved.RemoveAt(0);
                }

                if (written is var (sequence, _))
                {
                    Advanced(sequence);
                }
            }
            catch (StorageUnavailableException)
            {
                return false;
            }
        }
    }

    private (string Id, long Sequence) Keep(Activity activity, TranscriptStamp stamp)
    {
        string kept;
        long sequence;
        lock (_gate)
        {
            if (_unsaved.Count == 0)
            {
                store.KeptWhileUnavailable();
            }

            // Numbered well past the last number heard of, so an activity another replica stored just before the database
            // went away (not heard of here yet) keeps its place before these, and these keep their numbers and ids.
            sequence = _unsaved.Count > 0 ? _unsaved[^1].Sequence + 1 : _known + ProvisionalGap + 1;
            kept = stamp(activity, sequence);
            _unsaved.Add((activity, stamp, sequence));
            // Bounded like the transcript itself; the oldest kept activity goes first.
            if (_unsaved.Count > store.Limits.MaxActivitiesPerConversation)
            {
                _unsaved.RemoveAt(0);
            }
        }

        Wake();
        ScheduleFlush();
        return (kept, sequence);
    }

    /// <summary>
    /// Offers what is kept to the database every second until it takes it, so a reply kept during a short failure
    /// reaches the other replicas' streams without waiting for this conversation's next message.
    /// </summary>
    private void ScheduleFlush()
    {
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                while (!Ended.IsCancellationRequested)
                {
                    await Task.Delay(FlushInterval, store.Time);
                    if (await FlushAsync())
                    {
                        return;
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _flushScheduled, 0);
                if (HasUnsaved && !Ended.IsCancellationRequested)
                {
                    ScheduleFlush();
                }
            }
        });
    }

    /// <summary>
    /// What is kept here after <paramref name="watermark"/>; the watermark stays where it was, so the next read once the
    /// database is back starts before anything stored meanwhile by others.
    /// </summary>
    private TranscriptPage UnsavedAfter(long watermark)
    {
        lock (_gate)
        {
            var after = _unsaved.Where(entry => entry.Sequence > watermark).ToList();
            return new TranscriptPage([.. after.Select(entry => entry.Activity)], watermark, after.Count > 0 ? after[^1].Sequence : 0);
        }
    }

    private async Task TouchInBackgroundAsync()
    {
        try
        {
            await store.TouchAsync(Id, streaming: Volatile.Read(ref _openStreams) > 0);
        }
        catch (StorageUnavailableException)
        {
            // A missed touch only shortens the idle time by one interval.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class StreamRegistration(PostgresTranscript transcript) : IDisposable
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
