using FaqBot.Analysis;

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

    // The typed spellings this word tolerates, as Lucene automata made once per rule word (each compiled on first use),
    // so that a message word is checked in one pass over its letters. Null where no typo is tolerated; the bare form's
    // only where it differs from the form. Short stems ("ben", "beg" of "begge") are compared exactly: one edit would
    // join unrelated words.
    private readonly NearSpellings? _nearStem = ToleranceOf(Form) > 0 && Stem.Length >= 5 ? new(Stem, ToleranceOf(Form)) : null;
    private readonly NearSpellings? _nearForm = ToleranceOf(Form) > 0 ? new(Form, ToleranceOf(Form)) : null;
    private readonly NearSpellings? _nearBareForm = NearBareForm(Form);

    /// <inheritdoc/>
    public override void Prepare()
    {
        _nearStem?.Prepare();
        _nearForm?.Prepare();
        _nearBareForm?.Prepare();
    }

    /// <summary>The typos tolerated for this word.</summary>
    public int Tolerance => ToleranceOf(Form);

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

        return (_nearStem?.Contains(token.Stem) ?? false)
            || (_nearForm?.Contains(token.Form) ?? false)
            || (typedWithoutDanishLetters && (_nearBareForm?.Contains(token.Form) ?? false));
    }

    /// <summary>Equal when the words are: the automata are made from them.</summary>
    public bool Equals(WordTerm? other) => other is not null && Form == other.Form && Stem == other.Stem;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Form, Stem);

    private static int ToleranceOf(string form) => form.Length >= 10 ? 2 : form.Length >= 6 ? 1 : 0;

    private static NearSpellings? NearBareForm(string form)
    {
        var bareForm = DanishFolding.ToBareLetters(form);
        if (ToleranceOf(form) > 0)
        {
            return bareForm == form ? null : new(bareForm, ToleranceOf(form));
        }

        // A five-letter word with æøå typed without them.
        return form.Length == 5 && DanishFolding.NeedsFolding(form) ? new(bareForm, 1) : null;
    }
}
