using Lucene.Net.Tartarus.Snowball.Ext;

namespace FaqBot.Analysis;

/// <summary>
/// The Snowball Danish stem of one word, by Lucene's <see cref="DanishStemmer"/> (the stemmer
/// <see cref="DanishTextAnalyzer"/>'s <c>SnowballFilter</c> runs). For callers that hold a single word rather than
/// text: the search's query readings and the red-flag rules.
/// </summary>
public static class DanishStemming
{
    // Lucene's stemmers keep their state in the instance: one per thread.
    [ThreadStatic]
    private static DanishStemmer? _stemmer;

    /// <summary>The stem of <paramref name="word"/> (lower-case; no tokenizing or stopword check).</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stemmer = _stemmer ??= new DanishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        return stem.Length == word.Length ? word : stem;
    }
}
