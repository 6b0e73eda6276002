using FaqBot.Content;

namespace FaqBot.Triage;

/// <summary>The rules of <c>red-flags.txt</c>, the urgency of each kind (in file order), and what was wrong.</summary>
public sealed record RedFlagRuleSet(
    IReadOnlyList<RedFlagRule> Rules,
    IReadOnlyDictionary<string, RedFlagUrgency> Urgencies,
    IReadOnlyList<ContentProblem> Problems)
{
    private readonly Lazy<HashSet<string>> _knownStems = new(() => [.. WordTermsOf(Rules).Select(w => w.Stem)]);
    private RuleTermIndex? _terms;

    /// <summary>Everyday phrases ("hænger det sammen") whose words never count toward a rule.</summary>
    public IReadOnlyList<WindowPattern> Idioms { get; init; } = [];

    /// <summary>The kinds in the order the file defines them.</summary>
    public IReadOnlyList<string> Kinds => [.. Rules.Select(r => r.Kind).Distinct()];

    /// <summary>
    /// The stems of every plain word the rules name. A message word with one of these stems is spelt right, so it
    /// is never taken for a typo of another rule word ("skifte" is not "skidt").
    /// </summary>
    public IReadOnlySet<string> KnownStems => _knownStems.Value;

    /// <summary>Every plain word (not wildcard, negation or number) the rules name, once per place it is named.</summary>
    public IEnumerable<WordTerm> WordTerms => WordTermsOf(Rules);

    /// <summary>The rules' and idioms' words, indexed for matching a message (built on first use, after <see cref="Idioms"/> is set).</summary>
    internal RuleTermIndex Terms =>
        LazyInitializer.EnsureInitialized(ref _terms, () => new RuleTermIndex(Rules.SelectMany(r => r.AllOf.Concat(r.Unless)).Concat(Idioms)));

    private static IEnumerable<WordTerm> WordTermsOf(IReadOnlyList<RedFlagRule> rules) =>
        rules
            .SelectMany(r => r.AllOf.Concat(r.Unless))
            .SelectMany(p => p.Elements)
            .SelectMany(alternatives => alternatives)
            .SelectMany(phrase => phrase)
            .OfType<WordTerm>();
}
