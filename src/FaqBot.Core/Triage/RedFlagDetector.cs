namespace FaqBot.Triage;

/// <summary>Finds the red flags of back and leg pain in a patient message with the rules of <c>red-flags.txt</c>.</summary>
public sealed class RedFlagDetector(RedFlagRuleSet rules)
{
    /// <summary>The rules applied.</summary>
    public RedFlagRuleSet RuleSet { get; } = rules;

    /// <summary>
    /// The red flags in <paramref name="message"/>, all of it: linear in its length, so a long message is read to the end.
    /// </summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time (checked between rules).</exception>
    public RedFlagDetection Detect(string message, CancellationToken cancellationToken = default)
    {
        var tokens = TriageText.Analyze(message, RuleSet.Vocabulary);
        foreach (var token in tokens)
        {
            token.IsKnownWord = RuleSet.KnownStems.Contains(token.Stem);
        }

        var analysed = new TriageMessage(tokens, RuleSet.Terms);
        foreach (var idiom in RuleSet.Idioms)
        {
            foreach (var (start, end) in idiom.PhraseOccurrences(analysed))
            {
                for (var i = start; i <= end; i++)
                {
                    tokens[i].IsIdiom = true;
                }
            }
        }

        var fired = new List<RedFlagRule>();
        foreach (var rule in RuleSet.Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rule.Matches(analysed))
            {
                fired.Add(rule);
            }
        }


        var kindOrder = RuleSet.Kinds;
        var kinds = fired
            .Select(r => r.Kind)
            .Distinct()
            .OrderBy(kind => RuleSet.Urgencies[kind])
            .ThenBy(kind => IndexOf(kindOrder, kind))
            .ToList();
        return new RedFlagDetection(kinds, fired);
    }

    private static int IndexOf(IReadOnlyList<string> kinds, string kind)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return i;
            }
        }

        return kinds.Count;
    }
}
