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

    // Elements that are nothing but a negation ("ikke"): such a negation must stand in the clause of another element,
    // so "det svier når jeg tisser, men ingen feber" is not "ikke + tisse", and must not be a denial.
    private readonly bool[] _isNegationOnly = [.. Elements.Select(e => e.All(phrase => phrase.Count == 1 && phrase[0].IsNegation))];

    /// <summary>Whether the pattern occurs in <paramref name="tokens"/>.</summary>
    /// <param name="message">The analysed message.</param>
    /// <param name="asContext">
    /// For the parts after <c>&amp;&amp;</c>, which say what the message is about ("… && (ryg* | back)"): a negated
    /// mention still sets the scene ("kan ikke ligge på ryggen"), so negation is not applied.
    /// </param>
    public bool Matches(TriageMessage message, bool asContext = false)
    {
        var tokens = message.Tokens;
        var ids = message.Terms.IdsOf(this);
        // Most patterns miss most messages: an element none of whose alternatives starts anywhere rules the pattern
        // out before anything is allocated.
        for (var e = 0; e < Elements.Count; e++)
        {
            if (!AnyAlternativeStarts(ids[e], message))
            {
                return false;
            }
        }

        var occurrences = new List<Occurrence>[Elements.Count];
        for (var e = 0; e < Elements.Count; e++)
        {
            occurrences[e] = Occurrences(Elements[e], ids[e], message);
            if (occurrences[e].Count == 0)
            {
                return false;
            }
        }

        // Each window (its first word, and the sentence of the anchor that opened it) is checked once, and the
        // windows come in message order, so one cursor per element walks its occurrences once: linear in the
        // message however often its words repeat.
        var cursors = new int[Elements.Count];
        var lastSentence = -1;
        var lastWindowStart = -1;
        foreach (var anchor in occurrences[0])
        {
            var sentence = tokens[anchor.Start].Sentence;
            var firstStart = Math.Max(0, anchor.Start - Window + 1);
            if (sentence == lastSentence)
            {
                firstStart = Math.Max(firstStart, lastWindowStart + 1);
            }

            for (var windowStart = firstStart; windowStart <= anchor.Start; windowStart++)
            {
                lastSentence = sentence;
                lastWindowStart = windowStart;
                if (WindowMatches(occurrences, cursors, tokens, windowStart, windowStart + Window - 1, sentence, asContext, _isNegationOnly))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every element occurs within the window in <paramref name="sentence"/>, and the occurrences count: a
    /// negation the pattern itself matched ("ikke + mærke") is the point of the pattern, so the words it governs count;
    /// otherwise a governed word ("ingen problemer med at tisse") does not. Windows must come in message order: each
    /// element's cursor skips, for good, the occurrences before the window or in an earlier sentence.
    /// </summary>
    private static bool WindowMatches(
        List<Occurrence>[] occurrences, int[] cursors, IReadOnlyList<TriageToken> tokens, int windowStart, int windowEnd, int sentence, bool asContext,
        bool[] isNegationOnly)
    {
        var patternHasNegation = false;
        var allHaveUnnegated = true;
        for (var e = 0; e < occurrences.Length; e++)
        {
            var list = occurrences[e];
            while (cursors[e] < list.Count && (list[cursors[e]].Start < windowStart || tokens[list[cursors[e]].Start].Sentence < sentence))
            {
                cursors[e]++;
            }

            var found = false;
            var hasUnnegated = false;
            for (var k = cursors[e]; k < list.Count && list[k].Start <= windowEnd && tokens[list[k].Start].Sentence == sentence; k++)
            {
                if (list[k].End <= windowEnd)
                {
                    found = true;
                    hasUnnegated |= !list[k].IsNegated;
                    patternHasNegation |= list[k].ContainsCue;
                }
            }

            if (!found)
            {
                return false;
            }

            allHaveUnnegated &= hasUnnegated;
        }

        for (var e = 0; e < occurrences.Length; e++)
        {
            if (isNegationOnly[e] && occurrences.Length > 1 && !SharesClause(occurrences, cursors, tokens, e, windowEnd, sentence))
            {
                return false;
            }
        }

        return asContext || patternHasNegation || allHaveUnnegated;
    }

    /// <summary>
    /// Whether a cue of element <paramref name="cue"/> in the window stands in the clause of another element's word
    /// there, or that word is negated anyway.
    /// </summary>
    private static bool SharesClause(List<Occurrence>[] occurrences, int[] cursors, IReadOnlyList<TriageToken> tokens, int cue, int windowEnd, int sentence)
    {
        for (var k = cursors[cue]; k < occurrences[cue].Count && occurrences[cue][k].Start <= windowEnd; k++)
        {
            // A denial ("ingen problemer med …") negates its clause; it is not the negation a rule's "ikke" means.
            if (tokens[occurrences[cue][k].Start].IsDenial)
            {
                continue;
            }

            var clause = tokens[occurrences[cue][k].Start].Clause;
            for (var e = 0; e < occurrences.Length; e++)
            {
                if (e == cue)
                {
                    continue;
                }

                for (var m = cursors[e]; m < occurrences[e].Count && occurrences[e][m].Start <= windowEnd && tokens[occurrences[e][m].Start].Sentence == sentence; m++)
                {
                    // A word another cue governs is negated all the same ("on a diet, which I'm not").
                    if (tokens[occurrences[e][m].Start].Clause == clause || tokens[occurrences[e][m].Start].IsNegated)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Where the pattern's first element occurs: for idioms, whose words are then marked.</summary>
    public IEnumerable<(int Start, int End)> PhraseOccurrences(TriageMessage message) =>
        Occurrences(Elements[0], message.Terms.IdsOf(this)[0], message).Select(o => (o.Start, o.End));

    private static bool AnyAlternativeStarts(int[][] alternativeIds, TriageMessage message)
    {
        foreach (var phraseIds in alternativeIds)
        {
            if (message.PositionsOf(phraseIds[0]) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where one element occurs, by start: each alternative phrase is looked for only where its first word is.</summary>
    private static List<Occurrence> Occurrences(IReadOnlyList<IReadOnlyList<TermPattern>> alternatives, int[][] ids, TriageMessage message)
    {
        var tokens = message.Tokens;
        var found = new List<Occurrence>();
        for (var a = 0; a < alternatives.Count; a++)
        {
            if (message.PositionsOf(ids[a][0]) is not { } starts)
            {
                continue;
            }

            var phrase = alternatives[a];
            var containsCue = false;
            for (var k = 0; k < phrase.Count; k++)
            {
                containsCue |= phrase[k].IsNegation;
            }

            foreach (var start in starts)
            {
                var end = start + phrase.Count - 1;
                if (end >= tokens.Count || tokens[end].Sentence != tokens[start].Sentence)
                {
                    continue;
                }

                var matches = true;
                for (var k = 1; k < phrase.Count && matches; k++)
                {
                    matches = message.Matches(ids[a][k], start + k);
                }

                // A word of an idiom ("hænger det sammen") is not the symptom the same word names elsewhere.
                for (var i = start; i <= end && matches; i++)
                {
                    matches = !tokens[i].IsIdiom;
                }

                if (matches)
                {
                    var negated = false;
                    for (var i = start; i <= end && !containsCue && !negated; i++)
                    {
                        negated = tokens[i].IsNegated;
                    }

                    found.Add(new Occurrence(start, end, containsCue, negated));
                }
            }
        }

        if (alternatives.Count > 1)
        {
            found.Sort((x, y) => x.Start.CompareTo(y.Start));
        }

        return found;
    }

    private readonly record struct Occurrence(int Start, int End, bool ContainsCue, bool IsNegated);
}
