namespace FaqBot.Triage;

/// <summary>
/// <c>ikke + mærke + (skridt | sked* | mellem benene) ~6</c>: every element (an alternative of words or phrases)
/// occurs, in any order, within <see cref="Window"/> consecutive words of one sentence. Elements governed by a
/// negation in the message do not count, unless the pattern itself contains a negation.
/// </summary>
/// <param name="Elements">Each element: alternatives, each a phrase of consecutive terms.</param>
/// <param name="Window">The number of consecutive words all elements must fit in.</param>
/// <param name="Text">The pattern as written, for explanations.</param>
public sealed record WindowPattern(IReadOnlyList<IReadOnlyList<IReadOnlyList<TermPattern>>> Elements, int Window, string Text)
{
    /// <summary>The window when a pattern gives none.</summary>
    public const int DefaultWindow = 8;

    private bool ContainsNegation => Elements.Any(e => e.Any(phrase => phrase.Any(t => t.IsNegation)));

    /// <summary>Whether the pattern occurs in <paramref name="tokens"/>.</summary>
    public bool Matches(IReadOnlyList<TriageToken> tokens, bool honourNegation = true)
    {
        var ignoreNegation = !honourNegation || ContainsNegation;
        var occurrences = new List<(int Start, int End)>[Elements.Count];
        for (var e = 0; e < Elements.Count; e++)
        {
            occurrences[e] = Occurrences(Elements[e], tokens, ignoreNegation);
            if (occurrences[e].Count == 0)
            {
                return false;
            }
        }

        foreach (var (anchorStart, _) in occurrences[0])
        {
            for (var windowStart = Math.Max(0, anchorStart - Window + 1); windowStart <= anchorStart; windowStart++)
            {
                var windowEnd = windowStart + Window - 1;
                var sentence = tokens[anchorStart].Sentence;
                if (occurrences.All(list => list.Any(o =>
                        o.Start >= windowStart && o.End <= windowEnd && tokens[o.Start].Sentence == sentence)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<(int Start, int End)> Occurrences(
        IReadOnlyList<IReadOnlyList<TermPattern>> alternatives, IReadOnlyList<TriageToken> tokens, bool ignoreNegation)
    {
        var found = new List<(int, int)>();
        for (var start = 0; start < tokens.Count; start++)
        {
            foreach (var phrase in alternatives)
            {
                var end = start + phrase.Count - 1;
                if (end >= tokens.Count || tokens[end].Sentence != tokens[start].Sentence)
                {
                    continue;
                }

                var matches = true;
                for (var k = 0; k < phrase.Count && matches; k++)
                {
                    var token = tokens[start + k];
                    matches = phrase[k].Matches(token) && (ignoreNegation || phrase[k].IsNegation || !token.IsNegated);
                }

                if (matches)
                {
                    found.Add((start, end));
                    break;
                }
            }
        }

        return found;
    }
}
