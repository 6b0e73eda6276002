using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.Util;

namespace FaqBot.Analysis;

/// <summary>Lucene's Danish stop set (the 94 Snowball words), the one <see cref="DanishTextAnalyzer"/> removes.</summary>
public static class DanishStopwords
{
    /// <summary>The stop words, lower case.</summary>
    public static CharArraySet Words => DanishAnalyzer.DefaultStopSet;

    /// <summary>Whether <paramref name="word"/> (lower case) is a stop word.</summary>
    public static bool Contains(string word) => DanishAnalyzer.DefaultStopSet.Contains(word);
}
