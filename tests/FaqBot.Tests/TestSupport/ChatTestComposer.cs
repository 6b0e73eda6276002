using FaqBot.Conversation;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// A deterministic composer for the chat tests: an answer has a title, a safety note line and suggested questions; a
/// red-flag message gets the urgent advice first. Its answers repeat the test's question so ordering can be checked.
/// </summary>
public sealed class ChatTestComposer : IReplyComposer
{
    public const string Welcome = "Velkommen! Spørg mig om iskias.";
    public const string SafetyNote = "Svaret er generel information og erstatter ikke en undersøgelse hos din fysioterapeut.";
    public const string UrgentAdvice = "Ring 112 nu, hvis du ikke kan lade vandet eller har mistet følelsen i skridtet.";
    public const string FirstSuggestion = "Hvor længe varer iskias?";
    public const string SecondSuggestion = "Hvad kan jeg selv gøre?";

    /// <summary>The urgent advice offers 112 and the Capital Region's 1813.</summary>
    public static readonly UrgentContacts OutOfHours = UrgentContacts.ForRegion("hovedstaden")!;

    /// <summary>The title the answer to <paramref name="question"/> shows.</summary>
    public static string TitleFor(string question) => question.Contains("længe", StringComparison.OrdinalIgnoreCase)
        ? "Så længe varer iskias"
        : "Hvad er iskias?";

    public Reply Compose(string message, CancellationToken cancellationToken = default)
    {
        var title = TitleFor(message);
        // The tel: link shows what Web Chat's Markdown sanitiser does with one.
        var answer = new ReplyMessage($"**{title}**\n\nSvar på: {message}\n\n_{SafetyNote}_\n\nAkut? [Ring 112](tel:112)");
        if (message.Contains("lade vandet", StringComparison.OrdinalIgnoreCase))
        {
            return Reply.Answer([ReplyMessage.UrgentAdvice($"**{UrgentAdvice}**", OutOfHours), answer], "test#akut", title, 0.9, [], source: null, redFlag: true, redFlags: ["caudaEquina"]);
        }

        return Reply.Answer([answer], "test#svar", title, 0.9, [FirstSuggestion, SecondSuggestion], source: null);
    }

    Reply IReplyComposer.Welcome() => Reply.SmallTalk(Welcome, []);
}
