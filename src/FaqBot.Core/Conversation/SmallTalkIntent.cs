namespace FaqBot.Conversation;

/// <summary>A kind of small talk (greeting, thanks, ...) with the phrases that express it and the bot's reply.</summary>
/// <param name="Name">The block name in <c>small-talk.txt</c>, e.g. <c>greeting</c>.</param>
/// <param name="Phrases">Each phrase as normalised words.</param>
/// <param name="Reply">The reply, Danish Markdown.</param>
public sealed record SmallTalkIntent(string Name, IReadOnlyList<IReadOnlyList<string>> Phrases, string Reply);
