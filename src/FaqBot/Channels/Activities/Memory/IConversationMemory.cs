namespace FaqBot.Channels.Activities.Memory;

/// <summary>
/// The state of each conversation between its turns, keyed by conversation id. Entries expire
/// (<see cref="ConversationMemoryOptions.Lifetime"/> after they were last set). In memory for one instance, or in
/// PostgreSQL for several.
/// </summary>
public interface IConversationMemory
{
    /// <summary>The state of <paramref name="conversationId"/>, or null when there is none or it has expired.</summary>
    /// <exception cref="Storage.StorageUnavailableException">The shared store cannot be reached.</exception>
    Task<ConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="state"/>; false when it could not be kept (the store is full).</summary>
    Task<bool> SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="conversationId"/>.</summary>
    Task RemoveAsync(string conversationId, CancellationToken cancellationToken);
}
