namespace FaqBot.Channels.Activities.Memory;

/// <summary>
/// The state of each conversation between its turns, keyed by conversation id. Entries expire
/// (<see cref="ConversationMemoryOptions.Lifetime"/> after they were last set). In memory for one instance now; a
/// shared store serves several instances.
/// </summary>
public interface IConversationMemory
{
    /// <summary>The state of <paramref name="conversationId"/>, or null when there is none or it has expired.</summary>
    ConversationState? Get(string conversationId);

    /// <summary>Stores <paramref name="state"/>; false when it could not be kept (the store is full).</summary>
    bool Set(string conversationId, ConversationState state);

    /// <summary>Forgets <paramref name="conversationId"/>.</summary>
    void Remove(string conversationId);
}
