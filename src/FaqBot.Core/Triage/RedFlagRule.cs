namespace FaqBot.Triage;

/// <summary>
/// One line of <c>red-flags.txt</c>: the patterns that must all occur (<c>&amp;&amp;</c>), and those that cancel
/// the rule (<c>unless</c>, e.g. weight loss explained by a diet).
/// </summary>
/// <param name="Kind">The red-flag kind, camelCase (e.g. <c>caudaEquina</c>).</param>
/// <param name="Urgency">How urgent the kind is.</param>
/// <param name="AllOf">Patterns that must all occur somewhere in the message.</param>
/// <param name="Unless">Patterns of which any cancels the rule.</param>
/// <param name="Source">Where the rule is written, <c>path:line</c>.</param>
public sealed record RedFlagRule(
    string Kind,
    RedFlagUrgency Urgency,
    IReadOnlyList<WindowPattern> AllOf,
    IReadOnlyList<WindowPattern> Unless,
    string Source)
{
    /// <summary>The rule as written, concepts named (e.g. <c>@cannotFeel + @saddleArea ~10</c>).</summary>
    public string Text { get; init; } = "";

    /// <summary>The kind's <c>context:</c> the rule carries as its last <c>&amp;&amp;</c> part, as written; empty when none.</summary>
    public string Context { get; init; } = "";

    /// <summary>Whether the rule fires on <paramref name="message"/>.</summary>
    public bool Matches(TriageMessage message) =>
        AllOf[0].Matches(message)
        && AllOf.Skip(1).All(p => p.Matches(message, asContext: true))
        && !Unless.Any(p => p.Matches(message));
}
