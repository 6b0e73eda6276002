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
    public RedFlagDetection Detect(string message, CancellationToken cancellationToken = default) =>
        Detect(Analyse(message), cancellationToken);

    /// <summary><paramref name="message"/> analysed with the rules' negation and clause words, for <see cref="Detect(AnalysedMessage, CancellationToken)"/>.</summary>
    public AnalysedMessage Analyse(string message) => AnalysedMessage.Of(message, RuleSet.Vocabulary);

    /// <summary>The red flags in a message analysed once for its turn; its tokens are not changed.</summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time (checked between rules).</exception>
    public RedFlagDetection Detect(AnalysedMessage message, CancellationToken cancellationToken = default)
    {
        // Which words the rules name and which belong to an idiom depend on the rule set: marked on copies.
        var analysed = message.TokensFor(RuleSet.Vocabulary);
        var tokens = new List<TriageToken>(analysed.Count);
        foreach (var token in analysed)
        {
            tokens.Add(token with { IsKnownWord = RuleSet.KnownStems.Contains(token.Stem), IsIdiom = false });
        }

        using var matched = new TriageMessage(tokens, RuleSet.Terms);
        foreach (var idiom in RuleSet.Idioms)
        {
            foreach (var (start, end) in idiom.PhraseOccurrences(matched))
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
            if (rule.Matches(matched))
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
