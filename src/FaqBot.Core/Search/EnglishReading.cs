using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// How an English lexicon entry's Danish reads, worked out once when the parser is built: whether it is one of the
/// uncovered phrases ("drive" = "køre bil"), whether its main translation holds off-topic words ("stiff neck" = "stiv
/// nakke"), and its translations' words with æøå as digraphs (to tell a word already inside an earlier phrase).
/// </summary>
/// <param name="Uncovered">The uncovered phrase one of its translations is, or null.</param>
/// <param name="UncoveredDigraphs">That phrase's words as digraphs; empty when there is none.</param>
/// <param name="OffTopicWords">When its main translation holds an off-topic word, each of that translation's words
/// (stopwords left out) and whether it is off-topic; else null.</param>
/// <param name="DanishDigraphs">Each translation's words as digraphs.</param>
internal sealed record EnglishReading(
    UncoveredPhrase? Uncovered, string[] UncoveredDigraphs, (string Word, bool OffTopic)[]? OffTopicWords, List<string[]> DanishDigraphs)
{
    /// <summary>The reading of the translations <paramref name="danish"/>.</summary>
    /// <param name="danish">The lexicon's Danish for one English entry, main translation first.</param>
    /// <param name="phrases">The uncovered phrases.</param>
    /// <param name="isOffTopic">Whether a Danish word, spelt as the lexicon writes it, is on the off-topic list.</param>
    public static EnglishReading Of(IReadOnlyList<string> danish, UncoveredPhrases phrases, Func<string, bool> isOffTopic)
    {
        List<string[]> digraphs = [.. danish.Select(d => WordTokens.Of(d).ConvertAll(DanishFolding.ToDigraphs).ToArray())];
        var uncovered = digraphs.Select(words => phrases.Whole([.. words])).FirstOrDefault(p => p is not null);
        if (uncovered is not null)
        {
            return new(uncovered, [.. uncovered.Words.Select(DanishFolding.ToDigraphs)], null, digraphs);
        }

        var main = danish.Count > 0 ? WordTokens.Of(danish[0]) : [];
        (string, bool)[]? offTopic = main.Any(isOffTopic)
            ? [.. main.Where(w => !DanishStopwords.Contains(w)).Select(w => (w, isOffTopic(w)))]
            : null;
        return new(null, [], offTopic, digraphs);
    }
}
