using System.Collections.Frozen;

namespace FaqBot.Analysis;

/// <summary>The Snowball Danish stopword list (the 94 words Lucene's DanishAnalyzer removes).</summary>
public static class DanishStopwords
{
    /// <summary>The stopwords, lower-case, with æøå.</summary>
    public static readonly FrozenSet<string> Words = new[]
    {
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for",
        "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu",
        "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal",
        "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo",
        "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig",
        "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle",
        "hos", "blive", "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="word"/> (lower-case) is a stopword.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
