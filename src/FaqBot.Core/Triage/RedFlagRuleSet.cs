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

    /// <summary>The negation cues and clause words (<c>[negation]</c>), or the defaults when the file has none.</summary>
    public TriageVocabulary Vocabulary { get; init; } = TriageVocabulary.Default;

    /// <summary>The named word classes (<c>[concepts]</c>), in file order.</summary>
    public IReadOnlyList<RedFlagConcept> Concepts { get; init; } = [];

    /// <summary>The <c>example:</c> and <c>not:</c> lines, in file order.</summary>
    public IReadOnlyList<RedFlagExample> Examples { get; init; } = [];

    /// <summary>
    /// What an editor may want to tidy but that changes no result: a word listed twice, alternatives the stemmer
    /// already joins, an unused concept, a long rule.
    /// </summary>
    public IReadOnlyList<ContentProblem> Warnings { get; init; } = [];

    /// <summary>The examples the rules do not satisfy, each with its file and line.</summary>
    public IReadOnlyList<ContentProblem> FailingExamples()
    {
        var detector = new RedFlagDetector(this);
        return
        [
            .. Examples
                .Where(example => !example.Holds(detector))
                .Select(example => new ContentProblem(example.Path, example.Line, example.MustFlag
                    ? $"example is not flagged as {example.Kind}: \"{example.Message}\""
                    : $"'not:' example is flagged as {example.Kind}: \"{example.Message}\"")),
        ];
    }

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
    /// <summary>
    /// Builds the term index and compiles its typo automata now, which the first messages would otherwise do (about
    /// 0.15 s for all rule words, a second with the JIT): the host runs it in the background after start-up.
    /// </summary>
    public void Prepare() => Terms.Prepare();

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
