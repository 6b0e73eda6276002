namespace FaqBot.Triage;

/// <summary>The red flags found in one message.</summary>
/// <param name="Kinds">The kinds found, most urgent first, then in rule-file order.</param>
/// <param name="Rules">The rules that fired, for explanations (never logged with the message).</param>
public sealed record RedFlagDetection(IReadOnlyList<string> Kinds, IReadOnlyList<RedFlagRule> Rules)
{
    /// <summary>Whether any red flag was found.</summary>
    public bool IsRedFlag => Kinds.Count > 0;

    /// <summary>Whether any found kind needs 112.</summary>
    public bool IsEmergency => Rules.Any(r => r.Urgency == RedFlagUrgency.Emergency);
}
