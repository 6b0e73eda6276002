using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FaqBot.DirectLine;

/// <summary>
/// The conversations in memory, bounded: idle ones are forgotten (see <see cref="DirectLineJanitor"/>) and no more than
/// <see cref="DirectLineOptions.MaxConversations"/> exist at once. Patient messages never leave this process.
/// </summary>
public sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();

    public int Count => _conversations.Count;

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
    /// The conversation a token names, created on first use. <c>Created</c> tells a start (201) from a repeat (200);
    /// null when the store is full.
    /// </summary>
    public (DirectLineConversation? Conversation, bool Created) GetOrStart(string conversationId, string userId)
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
                if (_conversations.Count >= options.Value.MaxConversations)
                {
                    return (null, false);
                }
            }

            var conversation = new DirectLineConversation(conversationId, userId, options.Value.MaxActivitiesPerConversation, time.GetUtcNow());
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
}
