using FaqBot.Analysis;

namespace FaqBot.Triage;

/// <summary>
/// Marks the words a negation governs, so "ingen problemer med at tisse" does not raise a flag. A cue governs the
/// next <see cref="ForwardReach"/> words of its clause. A clause that is nothing but a negation ("men det har jeg
/// slet ikke", "nej") negates the clause before it. Rules whose own pattern contains a negation ("kan ikke mærke")
/// are matched regardless, so negation never hides those.
/// </summary>
public static class NegationScope
{
    /// <summary>How many following words of the same clause a cue governs.</summary>
    public const int ForwardReach = 4;

    /// <summary>
    /// How far "uden at" reaches: it negates its whole clause, a list included ("uden at jeg har spist mindre
    /// eller motioneret mere").
    /// </summary>
    public const int UdenAtReach = 10;

    /// <summary>The default negation cues (the shipped ones are in red-flags.txt's [negation] section).</summary>
    public static IReadOnlySet<string> Cues => TriageVocabulary.Default.NegationCues;

    /// <summary>Whether <paramref name="word"/> (lower case) is one of the default negation cues.</summary>
    public static bool IsCue(string word) => TriageVocabulary.Default.IsNegationCue(word);

    /// <summary>Sets <see cref="TriageToken.IsNegated"/> on every governed word.</summary>
    public static void Apply(IReadOnlyList<TriageToken> tokens) => Apply(tokens, TriageVocabulary.Default);

    /// <summary>Sets <see cref="TriageToken.IsNegated"/> on every governed word, with the words of <paramref name="vocabulary"/>.</summary>
    public static void Apply(IReadOnlyList<TriageToken> tokens, TriageVocabulary vocabulary)
    {
        // Each cue negates a run of words right after it, so the words up to the end of the previous run are already
        // marked: starting past it keeps this linear even in a long clause of denials ("ingen problemer, …" × 10,000
        // without a comma), where each denial reaches the end of the clause.
        var markedThrough = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsNegationCue)
            {
                continue;
            }

            var reach = tokens[i].Surface == "uden" && i + 1 < tokens.Count && tokens[i + 1].Surface == "at" ? UdenAtReach : ForwardReach;
            if (IsDenial(tokens, i, vocabulary))
            {
                tokens[i].IsDenial = true;
                reach = tokens.Count;
            }

            var j = Math.Max(i + 1, markedThrough + 1);
            for (; j < tokens.Count && j <= i + reach && tokens[j].Clause == tokens[i].Clause; j++)
            {
                tokens[j].IsNegated = true;
            }

            markedThrough = Math.Max(markedThrough, j - 1);
        }

        MarkClausesThatOnlyNegate(tokens, vocabulary);
    }

    /// <summary>A cue followed, within two words of its clause, by a denial word: "ingen problemer", "ikke nogen problemer".</summary>
    private static bool IsDenial(IReadOnlyList<TriageToken> tokens, int cue, TriageVocabulary vocabulary)
    {
        for (var j = cue + 1; j <= cue + 2 && j < tokens.Count && tokens[j].Clause == tokens[cue].Clause; j++)
        {
            if (vocabulary.Denials.Contains(tokens[j].Surface))
            {
                return true;
            }
        }

        return false;
    }

    private static void MarkClausesThatOnlyNegate(IReadOnlyList<TriageToken> tokens, TriageVocabulary vocabulary)
    {
        // Clause numbers only grow along the message, so each clause is one run of tokens; one pass over the runs
        // keeps this linear in the message (a message of thousands of clauses must not cost their square).
        var previousStart = -1;
        for (var start = 0; start < tokens.Count;)
        {
            var end = start;
            while (end + 1 < tokens.Count && tokens[end + 1].Clause == tokens[start].Clause)
            {
                end++;
            }

            var hasCue = false;
            for (var i = start; i <= end && !hasCue; i++)
            {
                hasCue = tokens[i].IsNegationCue;
            }

            var onlyNegates = hasCue;
            for (var i = start; i <= end && onlyNegates; i++)
            {
                onlyNegates = tokens[i].IsNegationCue || DanishStopwords.Contains(tokens[i].Surface) || vocabulary.NegatingClauseWords.Contains(tokens[i].Surface);
            }

            // Only a clause that ends its sentence looks back ("..., men det har jeg ikke."); "det er ikke fordi ..."
            // is a negation that continues forward.
            var endsSentence = end + 1 == tokens.Count || tokens[end + 1].Sentence != tokens[end].Sentence;
            if (onlyNegates && endsSentence && previousStart >= 0)
            {
                for (var i = previousStart; i < start; i++)
                {
                    tokens[i].IsNegated = true;
                }
            }

            previousStart = start;
            start = end + 1;
        }
    }
}
