using FaqBot.Analysis;

namespace FaqBot.Triage;

/// <summary>One word of a patient message, in the forms the red-flag rules are matched against.</summary>
/// <param name="Surface">The word as typed, lower-cased.</param>
/// <param name="Form">The word with æ, ø and å restored from digraphs ("mearke" stays, "naar" → "når").</param>
/// <param name="Stem">The Snowball stem of <paramref name="Form"/>.</param>
/// <param name="Sentence">0-based sentence number; rule windows never cross sentences.</param>
/// <param name="Clause">0-based clause number (commas and "men" split clauses); negation never crosses clauses.</param>
/// <param name="IsNegationCue">Whether the word is a negation cue ("ikke", "ingen", "not", the "t" of "can't").</param>
public sealed record TriageToken(string Surface, string Form, string Stem, int Sentence, int Clause, bool IsNegationCue)
{
    /// <summary>
    /// <see cref="Form"/> with æøå as bare letters ("mærke" → "marke"). Computed once per word, not once per rule word
    /// it is compared with: a long word would otherwise cost its length for every rule.
    /// </summary>
    public string BareForm { get; } = DanishFolding.ToBareLetters(Form);

    /// <summary>Whether <see cref="Form"/> has no æøå (nor another letter folding changes); computed once, like <see cref="BareForm"/>.</summary>
    public bool IsTypedWithoutDanishLetters { get; } = !DanishFolding.NeedsFolding(Form);

    /// <summary>Whether a negation cue outside the word governs it ("ingen problemer med at <em>tisse</em>").</summary>
    public bool IsNegated { get; set; }

    /// <summary>Whether the word is a negation cue that denies the rest of its clause ("ingen problemer med …"): not the "ikke" of a rule.</summary>
    public bool IsDenial { get; set; }

    /// <summary>Whether the word is part of an everyday idiom ("hænger det sammen med …"), so never a symptom.</summary>
    public bool IsIdiom { get; set; }

    /// <summary>Whether the word is one the rules name (by stem): spelt right, so never matched as a typo of another.</summary>
    public bool IsKnownWord { get; set; }
}
