using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// The conversations in memory, bounded: idle ones are forgotten (see <see cref="DirectLineJanitor"/>), no more than
/// <see cref="DirectLineOptions.MaxConversations"/> exist at once, and their activities take at most
/// <see cref="DirectLineOptions.MaxTotalBytes"/>. When a bound is reached the least recently used conversation is
/// forgotten (one without an open WebSocket first), so a new patient always gets in. Patient messages never leave this
/// process.
/// </summary>
public sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private long _totalBytes;

    public int Count => _conversations.Count;

    /// <summary>The JSON size of all stored activities, which <see cref="DirectLineOptions.MaxTotalBytes"/> bounds.</summary>
    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    /// <summary>The conversation, touched, or null when it never existed or was forgotten.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>
    /// The conversation a token names, created on first use. <c>Created</c> tells a start (201) from a repeat (200).
    /// When the store is full, the least recently used conversation makes room.
    /// </summary>
    public (DirectLineConversation Conversation, bool Created) GetOrStart(string conversationId, string userId)
    {
        if (Find(conversationId) is { } existing)
        {
            return (existing, false);
        }

        lock (_createGate)
        {
            if (_conversations.TryGetValue(conversationId, out existing))
            {
                return (existing, false);
            }

            if (_conversations.Count >= options.Value.MaxConversations)
            {
                RemoveIdle();
                while (_conversations.Count >= options.Value.MaxConversations && EvictLeastRecentlyUsed(keep: null))
                {
                }
            }

            var conversation = new DirectLineConversation(
                conversationId,
                userId,
                options.Value.MaxActivitiesPerConversation,
                time.GetUtcNow(),
                options.Value.MaxConversationBytes,
                delta => BytesChanged(conversationId, delta));
            _conversations[conversationId] = conversation;
            return (conversation, true);
        }
    }

    /// <summary>Forgets conversations nobody has used for <see cref="DirectLineOptions.IdleTimeout"/>; returns how many.</summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.IdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastTouched < cutoff && _conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(id, conversation)))
            {
                conversation.End();
                removed++;
            }
        }

        return removed;
    }

    private void BytesChanged(string conversationId, long delta)
    {
        if (Interlocked.Add(ref _totalBytes, delta) <= options.Value.MaxTotalBytes || delta <= 0)
        {
            return;
        }

        // Over the total: older conversations make room for the one that is being written to right now.
        lock (_createGate)
        {
            while (TotalBytes > options.Value.MaxTotalBytes && EvictLeastRecentlyUsed(keep: conversationId))
            {
            }
        }
    }

    /// <summary>
    /// Forgets the least recently used conversation other than <paramref name="keep"/>, preferring one without an open
    /// WebSocket (whose patient is gone or polls); false when there is none. A linear scan: it runs only at a bound.
    /// </summary>
    private bool EvictLeastRecentlyUsed(string? keep)
    {
        DirectLineConversation? oldest = null;
        DirectLineConversation? oldestWithoutSocket = null;
        foreach (var conversation in _conversations.Values)
        {
            if (conversation.Id == keep)
            {
                continue;
            }

            if (oldest is null || conversation.LastTouched < oldest.LastTouched)
            {
                oldest = conversation;
            }

            if (!conversation.HasOpenSocket && (oldestWithoutSocket is null || conversation.LastTouched < oldestWithoutSocket.LastTouched))
            {
                oldestWithoutSocket = conversation;
            }
        }

        var victim = oldestWithoutSocket ?? oldest;
        if (victim is null)
        {
            return false;
        }

        if (_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(victim.Id, victim)))
        {
            victim.End();
        }

        return true;
    }
}
