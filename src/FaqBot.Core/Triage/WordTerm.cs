using FaqBot.Analysis;
using FaqBot.Search;

namespace FaqBot.Triage;

/// <summary>
/// A plain word: matches any inflection (same stem) and, for words of six letters or more, one typo; from ten
/// letters on, two. Five-letter words with æøå ("mærke") also take one typo in their æøå-less spelling ("mearke");
/// other five-letter words take none, as too many real words are one letter apart ("fandt", "faldt"). Typos are measured on the normalised form, so "mearke" finds "mærke" and "sitter" finds "sidder".
/// </summary>
public sealed record WordTerm(string Form, string Stem) : TermPattern
{
    // A word typed without æøå ("mearke") is compared with the rule word's bare letters ("marke"); a word typed
    // with them ("lænden") is not, so it cannot pass for an English rule word one letter away ("landed"). The bare
    // spellings are computed once, not for every message word compared.
    private readonly string _bareForm = DanishFolding.ToBareLetters(Form);
    private readonly string _bareStem = DanishFolding.ToBareLetters(Stem);

    /// <summary>The typos tolerated for this word.</summary>
    public int Tolerance => Form.Length >= 10 ? 2 : Form.Length >= 6 ? 1 : 0;

    private bool IsShortWithDanishLetters => Form.Length == 5 && DanishFolding.NeedsFolding(Form);

    /// <inheritdoc/>
    public override bool Matches(TriageToken token)
    {
        if (token.Stem == Stem || token.Form == Form)
        {
            return true;
        }

        var typedWithoutDanishLetters = token.IsTypedWithoutDanishLetters;
        if (typedWithoutDanishLetters && (token.Form == _bareForm || token.Stem == _bareStem))
        {
            return true;
        }

        // A word the rules name is spelt right ("skifte" is not a typo of "skidt"). Typos almost never hit the
        // first letter; requiring it keeps "balden" from passing for "falde".
        if (token.IsKnownWord || token.Form.Length < 5 || token.BareForm[0] != _bareForm[0])
        {
            return false;
        }

        if (Tolerance == 0)
        {
            return IsShortWithDanishLetters && typedWithoutDanishLetters && EditDistance.Compute(token.Form, _bareForm, 1) <= 1;
        }

        // Short stems ("ben", "beg" of "begge") are compared exactly: one edit would join unrelated words.
        return (Stem.Length >= 5 && EditDistance.Compute(token.Stem, Stem, Tolerance) <= Tolerance)
            || EditDistance.Compute(token.Form, Form, Tolerance) <= Tolerance
            || (typedWithoutDanishLetters
                && EditDistance.Compute(token.Form, _bareForm, Tolerance) <= Tolerance);
    }
}
