namespace FaqBot.Conversation;

/// <summary>
/// What a conversation's last answer was about: the passage it showed. All a follow-up is read by — never what the
/// patient wrote.
/// </summary>
/// <param name="PassageId">The passage of the previous answer.</param>
public sealed record ConversationTopic(string PassageId);
