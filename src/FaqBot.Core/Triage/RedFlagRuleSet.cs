using FaqBot.Content;

namespace FaqBot.Triage;

/// <summary>The rules of <c>red-flags.txt</c>, the urgency of each kind (in file order), and what was wrong.</summary>
public sealed record RedFlagRuleSet(
    IReadOnlyList<RedFlagRule> Rules,
    IReadOnlyDictionary<string, RedFlagUrgency> Urgencies,
    IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>The kinds in the order the file defines them.</summary>
    public IReadOnlyList<string> Kinds => [.. Rules.Select(r => r.Kind).Distinct()];
}
