using FaqBot.Search;

namespace FaqBot.Triage;

/// <summary>One word of a rule pattern, matched against one word of the message.</summary>
public abstract record TermPattern
{
    /// <summary>Whether <paramref name="token"/> is this word.</summary>
    public abstract bool Matches(TriageToken token);

    /// <summary>Whether this term stands for a negation ("ikke", "ingen", "not").</summary>
    public virtual bool IsNegation => false;
}

/// <summary>
/// A plain word: matches any inflection (same stem) and, for words of five letters or more, one typo; from ten
/// letters on, two. Typos are measured on the normalised form, so "mearke" finds "mærke" and "sitter" finds "sidder".
/// </summary>
public sealed record WordTerm(string Form, string Stem) : TermPattern
{
    /// <summary>The typos tolerated for this word.</summary>
    public int Tolerance => Form.Length >= 10 ? 2 : Form.Length >= 5 ? 1 : 0;

    /// <inheritdoc/>
    public override bool Matches(TriageToken token)
    {
        if (token.Stem == Stem || token.Form == Form)
        {
            return true;
        }

        var typedWithoutDanishLetters = !Analysis.DanishFolding.NeedsFolding(token.Form);
        if (typedWithoutDanishLetters && (token.Form == Bare(Form) || token.Stem == Bare(Stem)))
        {
            return true;
        }

        // Typos almost never hit the first letter; requiring it keeps "balden" from passing for "falde".
        if (Tolerance == 0 || token.Form.Length < 5 || Bare(token.Form)[0] != Bare(Form)[0])
        {
            return false;
        }

        // Short stems ("ben", "beg" of "begge") are compared exactly: one edit would join unrelated words.
        return (Stem.Length >= 5 && EditDistance.Compute(token.Stem, Stem, Tolerance) <= Tolerance)
            || EditDistance.Compute(token.Form, Form, Tolerance) <= Tolerance
            || (typedWithoutDanishLetters
                && EditDistance.Compute(token.Form, Bare(Form), Tolerance) <= Tolerance);
    }

    // A word typed without æøå ("mearke") is compared with the rule word's bare letters ("marke"); a word typed
    // with them ("lænden") is not, so it cannot pass for an English rule word one letter away ("landed").
    private static string Bare(string word) => Analysis.DanishFolding.ToBareLetters(word);
}

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

/// <summary>A whole number in a range, <c>38..43</c>: a temperature such as "38,5" gives the word "38".</summary>
public sealed record NumberTerm(int Minimum, int Maximum) : TermPattern
{
    /// <inheritdoc/>
    public override bool Matches(TriageToken token) =>
        token.Surface.Length <= 4 && int.TryParse(token.Surface, out var value) && value >= Minimum && value <= Maximum;
}

/// <summary>Any negation cue: a rule writes "ikke" and also means "ingen", "ik", "not", "can't".</summary>
public sealed record NegationTerm : TermPattern
{
    /// <inheritdoc/>
    public override bool Matches(TriageToken token) => token.IsNegationCue;

    /// <inheritdoc/>
    public override bool IsNegation => true;
}
