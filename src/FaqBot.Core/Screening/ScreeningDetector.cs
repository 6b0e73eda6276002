using FaqBot.Analysis;
using FaqBot.Triage;

namespace FaqBot.Screening;

/// <summary>
/// Finds the red flag a message comes near without meeting it, and reads a patient's answer to the question about
/// it. The message is never stored.
/// </summary>
public sealed class ScreeningDetector(ScreeningContent content)
{
    /// <summary>A yes or no is a short reply: "ja, det har jeg" counts, a new story starting with "ja" does not.</summary>
    private const int MaxAnswerWords = 6;

    private readonly RedFlagDetector _near = new(content.Rules);

    /// <summary>The content read.</summary>
    public ScreeningContent Content { get; } = content;

    /// <summary>
    /// The question about the most urgent red flag <paramref name="message"/> comes near, or null. The caller has
    /// already found that the message meets no red flag.
    /// </summary>
    public ScreeningQuestion? Nearest(string message, CancellationToken cancellationToken = default) =>
        Nearest(_near.Analyse(message), cancellationToken);

    /// <summary>Compiles the near rules' typo automata now, off the request path.</summary>
    public void Prepare() => _near.RuleSet.Prepare();

    /// <summary>As <see cref="Nearest(string, CancellationToken)"/>, for a message analysed once for its turn.</summary>
    public ScreeningQuestion? Nearest(AnalysedMessage message, CancellationToken cancellationToken = default)
    {
        if (Content.Rules.Rules.Count == 0)
        {
            return null;
        }

        var kind = _near.Detect(message, cancellationToken).Kinds.FirstOrDefault(Content.Questions.ContainsKey);
        return kind is null ? null : new ScreeningQuestion(kind, Content.Questions[kind]);
    }

    /// <summary>Whether <paramref name="message"/> answers yes, no, or neither.</summary>
    public ScreeningAnswer Read(string message)
    {
        var words = Normalize(message);
        if (words.Length == 0 || words.Count(c => c == ' ') >= MaxAnswerWords)
        {
            return ScreeningAnswer.Other;
        }

        // The longest phrase wins, so "nej det har jeg ikke" is not read as a yes because it contains "jeg".
        return Answers()
            .Where(answer => words == answer.Phrase || words.StartsWith(answer.Phrase + " ", StringComparison.Ordinal))
            .OrderByDescending(answer => answer.Phrase.Length)
            .Select(answer => answer.Answer)
            .FirstOrDefault(ScreeningAnswer.Other);
    }

    private IEnumerable<(string Phrase, ScreeningAnswer Answer)> Answers() =>
        Content.YesAnswers.Select(p => (p, ScreeningAnswer.Yes)).Concat(Content.NoAnswers.Select(p => (p, ScreeningAnswer.No)));

    /// <summary>The words search reads (<see cref="WordTokens"/>), separated by single spaces ("Ja, tak!" → "ja tak").</summary>
    internal static string Normalize(string text) => string.Join(' ', WordTokens.Of(text));
}
