using FaqBot.Search;

namespace FaqBot.Triage;

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
