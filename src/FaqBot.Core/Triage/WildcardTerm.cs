using FaqBot.Analysis;

namespace FaqBot.Triage;

/// <summary>
/// A word with <c>*</c>: <c>blære*</c> starts with, <c>*kræft</c> ends with, <c>*uheld*</c> contains. Exact on the
/// normalised form (no typo tolerance), for compounds such as "toiletbrættet" or "rideuheld".
/// </summary>
public sealed record WildcardTerm(string Fragment, bool AnyStart, bool AnyEnd) : TermPattern
{
    private readonly string _bareFragment = DanishFolding.ToBareLetters(Fragment);

    /// <inheritdoc/>
    public override bool Matches(TriageToken token) =>
        Matches(token.Form, Fragment)
        // A word typed without some or all of its æøå ("folelseslos", "folelsesløs") is compared by bare letters on
        // both sides. Only for longer fragments: a short one is too often another word without its æøå ("kræft" →
        // "kraft", strength).
        || (Fragment.Length >= 6 && Matches(token.BareForm, _bareFragment));

    private bool Matches(string form, string fragment) => (AnyStart, AnyEnd) switch
    {
        (true, true) => form.Contains(fragment, StringComparison.Ordinal),
        (false, true) => form.StartsWith(fragment, StringComparison.Ordinal),
        (true, false) => form.EndsWith(fragment, StringComparison.Ordinal),
        _ => form == fragment,
    };
}
