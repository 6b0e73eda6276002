using System.Collections.Concurrent;
using FaqBot.Conversation;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// A stand-in for the domain's composer with realistic replies of each kind, chosen by keywords, so the channel can be
/// tested before the real search exists. Records what it was asked (the test's own data, not a patient's).
/// </summary>
public sealed class FakeReplyComposer : IReplyComposer
{
    public const string AnswerPassageId = "iskias-hvad-er-det#hvad-er-iskias";
    public const string AnswerTitle = "Hvad er iskias?";
    public const string AnswerUrl = "https://klinik.example.dk/iskias/hvad-er-iskias";
    public const string UrgentAdvice = "**Ring 112 nu**, hvis du ikke kan lade vandet eller har mistet følelsen i skridtet. Det kan være tegn på tryk på nerverne, som skal behandles akut.";

    public static readonly string[] RelatedQuestions = ["Hvor længe varer iskias?", "Hvad kan jeg selv gøre?"];
    public static readonly string[] DidYouMean = ["Hvad er iskias?", "Hvornår skal jeg gå til lægen?"];
    public static readonly string[] WelcomeExamples = ["Hvad er iskias?", "Må jeg motionere med iskias?", "Hvornår skal jeg søge læge?"];

    /// <summary>A message that makes the composer throw, as a bug or broken content would.</summary>
    public const string FailingMessage = "kaster en fejl";

    /// <summary>A message the composer works on until the turn's budget cancels it, as a runaway turn would.</summary>
    public const string RunawayMessage = "regner for evigt";

    public ConcurrentQueue<string> Messages { get; } = new();

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

        if (lower.Contains("lade vandet", StringComparison.Ordinal) || lower.Contains("følelsesløs", StringComparison.Ordinal))
        {
            return Reply.Answer(
                [new ReplyMessage(UrgentAdvice), new ReplyMessage(AnswerMarkdown)],
                AnswerPassageId,
                AnswerTitle,
                0.71,
                relatedQuestions: [],
                new SourceCitation(AnswerTitle, AnswerUrl),
                redFlag: true,
                redFlags: ["caudaEquina"]);
        }

        if (lower is "hej" or "tak" or "hej!")
        {
            return Reply.SmallTalk("Hej! Spørg mig om iskias, så finder jeg svaret i klinikkens vejledning.", []);
        }

        if (lower.Contains("iskias", StringComparison.Ordinal))
        {
            return Reply.Answer(
                [new ReplyMessage(AnswerMarkdown)],
                AnswerPassageId,
                AnswerTitle,
                0.8734,
                RelatedQuestions,
                new SourceCitation(AnswerTitle, AnswerUrl));
        }

        return Reply.NoMatch("Det kan jeg desværre ikke finde svar på i klinikkens vejledning. Mente du et af disse spørgsmål?", DidYouMean);
    }

    public Reply Welcome() => Reply.SmallTalk("Velkommen! Jeg svarer på spørgsmål om iskias ud fra klinikkens vejledning. Du kan fx spørge:", WelcomeExamples);

    public const string AnswerMarkdown = "## Hvad er iskias?\n\nIskias er **smerter, der stråler ned i benet**, fordi en nerverod i lænden er i klemme.";
}
