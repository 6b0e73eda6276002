namespace FaqBot.Triage;

/// <summary>Finds the red flags of back and leg pain in a patient message with the rules of <c>red-flags.txt</c>.</summary>
public sealed class RedFlagDetector(RedFlagRuleSet rules)
{
    // Kinds in file order, computed once: RuleSet.Kinds builds the list on every call.
    private readonly IReadOnlyList<string> _kindOrder = rules.Kinds;

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

        using var analysed = new TriageMessage(tokens, RuleSet.Terms);
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

        List<RedFlagRule>? fired = null;
        foreach (var rule in RuleSet.Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rule.Matches(analysed))
            {
                (fired ??= []).Add(rule);
            }
        }

        if (fired is null)
        {
            return NoRedFlag;
        }

        var kindOrder = _kindOrder;
        var kinds = fired
            .Select(r => r.Kind)
            .Distinct()
            .OrderBy(kind => RuleSet.Urgencies[kind])
            .ThenBy(kind => IndexOf(kindOrder, kind))
            .ToList();
        return new RedFlagDetection(kinds, fired);
    }

    private static readonly RedFlagDetection NoRedFlag = new([], []);

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
