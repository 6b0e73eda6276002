using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.Activities.Storage.InMemory;

/// <summary>
/// The transcripts in this process's memory (the default), bounded: idle ones are forgotten, no more than
/// <see cref="TranscriptLimits.MaxConversations"/> exist at once, and their activities take at most
/// <see cref="TranscriptLimits.MaxTotalBytes"/>. When a bound is reached the least recently used transcript is forgotten
/// (one without an open stream first), so a new patient always gets in. Patient messages never leave this process.
/// </summary>
public sealed class InMemoryTranscriptStore(IOptions<TranscriptLimits> options, TimeProvider time) : ITranscriptStore
{
    private readonly ConcurrentDictionary<string, InMemoryTranscript> _transcripts = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private long _totalBytes;

    public int Count => _transcripts.Count;

    /// <summary>The JSON size of all stored activities, which <see cref="TranscriptLimits.MaxTotalBytes"/> bounds.</summary>
    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    private TranscriptLimits Limits => options.Value;

    public Task<ITranscript?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<ITranscript?>(Find(conversationId));

    public Task<(ITranscript Transcript, bool Created)> GetOrStartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var (transcript, created) = GetOrStart(conversationId, userId);
        return Task.FromResult<(ITranscript, bool)>((transcript, created));
    }

    public Task<int> RemoveIdleAsync(CancellationToken cancellationToken) => Task.FromResult(RemoveIdle());

    public Task<IReadOnlyList<string>> FindAbandonedTurnsAsync(TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _transcripts.Values.Where(t => t.HasAbandonedTurns(lease)).Take(limit).Select(t => t.Id)]);

    /// <summary>The transcript, touched, or null.</summary>
    public InMemoryTranscript? Find(string conversationId)
    {
        if (!_transcripts.TryGetValue(conversationId, out var transcript))
        {
            return null;
        }

        transcript.Touch();
        return transcript;
    }

    public (InMemoryTranscript Transcript, bool Created) GetOrStart(string conversationId, string userId)
    {
        if (Find(conversationId) is { } existing)
        {
            return (existing, false);
        }

        lock (_createGate)
        {
            if (_transcripts.TryGetValue(conversationId, out existing))
            {
                return (existing, false);
            }

            if (_transcripts.Count >= Limits.MaxConversations)
            {
                RemoveIdle();
                while (_transcripts.Count >= Limits.MaxConversations && EvictLeastRecentlyUsed(keep: null))
                {
                }
            }

            var transcript = new InMemoryTranscript(conversationId, userId, Limits, time, delta => BytesChanged(conversationId, delta));
            _transcripts[conversationId] = transcript;
            return (transcript, true);
        }
    }

    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - Limits.IdleTimeout;
        var removed = 0;
        foreach (var (id, transcript) in _transcripts)
        {
            if (transcript.LastTouched < cutoff && _transcripts.TryRemove(new KeyValuePair<string, InMemoryTranscript>(id, transcript)))
            {
                transcript.End();
                removed++;
            }
        }

        return removed;
    }

    private void BytesChanged(string conversationId, long delta)
    {
        if (Interlocked.Add(ref _totalBytes, delta) <= Limits.MaxTotalBytes || delta <= 0)
        {
            return;
        }

        // Over the total: older transcripts make room for the one that is being written to right now.
        lock (_createGate)
        {
            while (TotalBytes > Limits.MaxTotalBytes && EvictLeastRecentlyUsed(keep: conversationId))
            {
            }
        }
    }

    /// <summary>
    /// Forgets the least recently used transcript other than <paramref name="keep"/>, preferring one without an open
    /// stream (whose patient is gone or polls); false when there is none. A linear scan: it runs only at a bound.
    /// </summary>
    private bool EvictLeastRecentlyUsed(string? keep)
    {
        InMemoryTranscript? oldest = null;
        InMemoryTranscript? oldestWithoutStream = null;
        foreach (var transcript in _transcripts.Values)
        {
            if (transcript.Id == keep)
            {
                continue;
            }

            if (oldest is null || transcript.LastTouched < oldest.LastTouched)
            {
                oldest = transcript;
            }

            if (!transcript.HasOpenStream && (oldestWithoutStream is null || transcript.LastTouched < oldestWithoutStream.LastTouched))
            {
                oldestWithoutStream = transcript;
            }
        }

        var victim = oldestWithoutStream ?? oldest;
        if (victim is null)
        {
            return false;
        }

        if (_transcripts.TryRemove(new KeyValuePair<string, InMemoryTranscript>(victim.Id, victim)))
        {
            victim.End();
        }

        return true;
    }
}
