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
    /// <remarks>Loops, not LINQ: every rule is tried on every message, and most fail on their first pattern.</remarks>
    public bool Matches(TriageMessage message)
    {
        if (!AllOf[0].Matches(message))
        {
            return false;
        }

        for (var i = 1; i < AllOf.Count; i++)
        {
            if (!AllOf[i].Matches(message, asContext: true))
            {
                return false;
            }
        }

        for (var i = 0; i < Unless.Count; i++)
        {
            if (Unless[i].Matches(message))
            {
                return false;
            }
        }

        return true;
    }
}
