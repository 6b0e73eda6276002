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

    /// <summary>Danish and English negation words; "t" is what the tokenizer leaves of "can't"; "cant" is "can't" typed without the apostrophe.</summary>
    public static readonly IReadOnlySet<string> Cues = new HashSet<string>(StringComparer.Ordinal)
    {
        "ikke", "ik", "ikk", "ike", "ikek", "ingen", "intet", "aldrig", "hverken", "nej", "uden",
        "ett", "itte", "int", // Jutlandic and other dialect forms of "ikke"
        "not", "no", "never", "without", "cannot", "t", "nor", "none", "nothing",
        "cant", "dont", "doesnt", "didnt", "couldnt", "wont", "isnt", "wasnt", "havent", "hasnt",
    };

    /// <summary>Words that may stand beside a cue in a clause that only negates ("det har jeg slet ikke").</summary>
    private static readonly HashSet<string> EmptyClauseWords = new(StringComparer.Ordinal)
    {
        "slet", "overhovedet", "altså", "nu", "gør", "har", "haft", "is", "i", "do", "don", "have", "haven", "it", "that",
    };

    /// <summary>Whether <paramref name="word"/> (lower case) is a negation cue.</summary>
    public static bool IsCue(string word) => Cues.Contains(word);

    /// <summary>Sets <see cref="TriageToken.IsNegated"/> on every governed word.</summary>
    public static void Apply(IReadOnlyList<TriageToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsNegationCue)
            {
                continue;
            }

            var reach = tokens[i].Surface == "uden" && i + 1 < tokens.Count && tokens[i + 1].Surface == "at" ? UdenAtReach : ForwardReach;
            for (var j = i + 1; j < tokens.Count && j <= i + reach && tokens[j].Clause == tokens[i].Clause; j++)
            {
                tokens[j].IsNegated = true;
            }
        }

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
                onlyNegates = tokens[i].IsNegationCue || DanishStopwords.Contains(tokens[i].Surface) || EmptyClauseWords.Contains(tokens[i].Surface);
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
