namespace FaqBot.Triage;

/// <summary>
/// A word with <c>*</c>: <c>blære*</c> starts with, <c>*kræft</c> ends with, <c>*uheld*</c> contains. Exact on the
/// normalised form (no typo tolerance), for compounds such as "toiletbrættet" or "rideuheld".
/// </summary>
public sealed record WildcardTerm(string Fragment, bool AnyStart, bool AnyEnd) : TermPattern
{
    /// <inheritdoc/>
    public override bool Matches(TriageToken token) => (AnyStart, AnyEnd) switch
    {
        (true, true) => token.Form.Contains(Fragment, StringComparison.Ordinal),
        (false, true) => token.Form.StartsWith(Fragment, StringComparison.Ordinal),
        (true, false) => token.Form.EndsWith(Fragment, StringComparison.Ordinal),
        _ => token.Form == Fragment,
    };
}
