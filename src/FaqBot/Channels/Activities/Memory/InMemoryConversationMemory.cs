using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.Activities.Memory;

/// <summary>
/// Conversation state in this process's memory, bounded in count: when full, new conversations are not remembered
/// (the cache compacts in the background). Expiry is read from <see cref="TimeProvider"/>.
/// </summary>
public sealed class InMemoryConversationMemory : IConversationMemory, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;

    public InMemoryConversationMemory(IOptions<ConversationMemoryOptions> options, TimeProvider timeProvider)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MaxConversations });
        _timeProvider = timeProvider;
        _lifetime = options.Value.Lifetime;
    }

    /// <summary>Conversations held now, expired ones not yet removed included.</summary>
    public int Count => _cache.Count;

    public Task<ConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(Get(conversationId));

    public Task<bool> SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken) => Task.FromResult(Set(conversationId, state));

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        Remove(conversationId);
        return Task.CompletedTask;
    }

    /// <summary>The state of <paramref name="conversationId"/>, or null when there is none or it has expired.</summary>
    public ConversationState? Get(string conversationId)
    {
        if (!_cache.TryGetValue(conversationId, out Entry? entry) || entry is null)
        {
            return null;
        }

        if (_timeProvider.GetUtcNow() < entry.ExpiresAt)
        {
            return entry.State;
        }

        _cache.Remove(conversationId);
        return null;
    }

    /// <summary>Stores <paramref name="state"/>; false when the memory is full.</summary>
    public bool Set(string conversationId, ConversationState state)
    {
        var expiresAt = _timeProvider.GetUtcNow() + _lifetime;
        // The cache's own expiry frees the memory; the check in Get decides, on the injected clock.
        _cache.Set(conversationId, new Entry(state, expiresAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        return _cache.TryGetValue(conversationId, out Entry? stored) && stored?.State == state;
    }

    /// <summary>Forgets <paramref name="conversationId"/>.</summary>
    public void Remove(string conversationId) => _cache.Remove(conversationId);

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(ConversationState State, DateTimeOffset ExpiresAt);
}
