using System.Collections.Concurrent;
using FaqBot.Conversation;

namespace FaqBot.Tests.TestSupport;

/// <summary>How a <see cref="FakeReplyComposer"/> answers; each test host chooses one explicitly.</summary>
public sealed record FakeReplyOptions
{
    /// <summary>
    /// Every message gets an answer that repeats it ("Svar på: …") under a title, so chat tests can check ordering;
    /// otherwise replies are fixed texts chosen by keywords (answer, small talk, no match).
    /// </summary>
    public bool EchoQuestion { get; init; }

    /// <summary>Answers cite the source article.</summary>
    public bool CiteSource { get; init; }

    /// <summary>The welcome offers <see cref="FakeReplyComposer.WelcomeExamples"/> as suggested questions.</summary>
    public bool WelcomeSuggestions { get; init; }

    /// <summary>When set, the urgent advice is an urgent-advice bubble offering these numbers; otherwise a plain bubble.</summary>
    public UrgentContacts? UrgentCalls { get; init; }

    /// <summary>What the Bot Framework channel tests expect: fixed, cited answers and a welcome with examples.</summary>
    public static FakeReplyOptions FixedCitedReplies { get; } = new() { CiteSource = true, WelcomeSuggestions = true };

    /// <summary>
    /// What the Direct Line and Web Chat tests expect: echoed answers without a citation, a bare welcome and urgent
    /// advice offering 112 and the Capital Region's 1813.
    /// </summary>
    public static FakeReplyOptions EchoedReplies { get; } = new() { EchoQuestion = true, UrgentCalls = UrgentContacts.ForRegion("hovedstaden")! };
}

/// <summary>
/// A stand-in for the domain's composer with realistic, deterministic replies of each kind, so the channels can be
/// tested without the real search. Records what it was asked (the test's own data, not a patient's).
/// </summary>
public sealed class FakeReplyComposer(FakeReplyOptions options) : IReplyComposer
{
    public const string AnswerPassageId = "iskias-hvad-er-det#hvad-er-iskias";
    public const string AnswerTitle = "Hvad er iskias?";
    public const string AnswerUrl = "https://klinik.example.dk/iskias/hvad-er-iskias";
    public const string AnswerMarkdown = "## Hvad er iskias?\n\nIskias er **smerter, der stråler ned i benet**, fordi en nerverod i lænden er i klemme.";
    public const string UrgentAdvice = "Ring 112 nu, hvis du ikke kan lade vandet eller har mistet følelsen i skridtet.";
    public const string SafetyNote = "Svaret er generel information og erstatter ikke en undersøgelse hos din fysioterapeut.";
    public const string WelcomeText = "Velkommen! Jeg svarer på spørgsmål om iskias ud fra klinikkens vejledning.";

    public static readonly string[] RelatedQuestions = ["Hvor længe varer iskias?", "Hvad kan jeg selv gøre?"];
    public static readonly string[] DidYouMean = ["Hvad er iskias?", "Hvornår skal jeg gå til lægen?"];
    public static readonly string[] WelcomeExamples = ["Hvad er iskias?", "Må jeg motionere med iskias?", "Hvornår skal jeg søge læge?"];

    /// <summary>A message that makes the composer throw, as a bug or broken content would.</summary>
    public const string FailingMessage = "kaster en fejl";

    /// <summary>A message the composer works on until the turn's budget cancels it, as a runaway turn would.</summary>
    public const string RunawayMessage = "regner for evigt";

    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>The title the echoed answer to <paramref name="question"/> shows.</summary>
    public static string TitleFor(string question) => question.Contains("længe", StringComparison.OrdinalIgnoreCase)
        ? "Så længe varer iskias"
        : AnswerTitle;

    public Reply Compose(string message, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue(message);
        var lower = message.ToLowerInvariant();
        if (lower.Contains(FailingMessage, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the composer broke");
        }

        if (lower.Contains(RunawayMessage, StringComparison.Ordinal))
        {
            // Bounded, so a handler that forgot the budget fails the test instead of hanging it.
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException("the turn was never cancelled");
        }

        var urgent = lower.Contains("lade vandet", StringComparison.Ordinal) || lower.Contains("følelsesløs", StringComparison.Ordinal);
        if (!urgent && !options.EchoQuestion)
        {
            if (lower is "hej" or "tak" or "hej!")
            {
                return Reply.SmallTalk("Hej! Spørg mig om iskias, så finder jeg svaret i klinikkens vejledning.", []);
            }

            if (!lower.Contains("iskias", StringComparison.Ordinal))
            {
                return Reply.NoMatch("Det kan jeg desværre ikke finde svar på i klinikkens vejledning. Mente du et af disse spørgsmål?", DidYouMean);
            }
        }

        var title = options.EchoQuestion ? TitleFor(message) : AnswerTitle;
        // The tel: link shows what Web Chat's Markdown sanitiser does with one.
        var answer = new ReplyMessage(options.EchoQuestion
            ? $"**{title}**\n\nSvar på: {message}\n\n_{SafetyNote}_\n\nAkut? [Ring 112](tel:112)"
            : AnswerMarkdown);
        var source = options.CiteSource ? new SourceCitation(title, AnswerUrl) : null;
        if (urgent)
        {
            var advice = options.UrgentCalls is { } calls
                ? ReplyMessage.UrgentAdvice($"**{UrgentAdvice}**", calls)
                : new ReplyMessage(UrgentAdvice);
            return Reply.Answer([advice, answer], AnswerPassageId, title, 0.71, relatedQuestions: [], source, redFlag: true, redFlags: ["caudaEquina"]);
        }

        return Reply.Answer([answer], AnswerPassageId, title, 0.8734, RelatedQuestions, source);
    }

    public Reply Welcome() => options.WelcomeSuggestions
        ? Reply.SmallTalk(WelcomeText + " Du kan fx spørge:", WelcomeExamples)
        : Reply.SmallTalk(WelcomeText, []);
}
