namespace FaqBot.Channels.Activities.Memory;

/// <summary>Settings of the conversation memory (<c>ConversationMemory</c> section).</summary>
public sealed class ConversationMemoryOptions
{
    public const string SectionName = "ConversationMemory";

    /// <summary><c>ConversationMemory:Lifetime</c>: a conversation idle this long is forgotten.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// <c>ConversationMemory:PendingQuestionLifetime</c>: how long a screening question waits for its yes or no; a
    /// later "ja" is read as an ordinary message.
    /// </summary>
    public TimeSpan PendingQuestionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>ConversationMemory:TopicLifetime</c>: how long the last answer's passage is used to read a follow-up by; a
    /// message after it is read alone.
    /// </summary>
    public TimeSpan TopicLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>ConversationMemory:MaxConversations</c>: conversations remembered at once; beyond it, none is asked a screening question.</summary>
    public int MaxConversations { get; set; } = 10_000;
}
