using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// Which passages are about a word or phrase of the lexicon's lists of what the articles do not cover (off-topic
/// words, uncovered phrases): those whose heading or article title has it. Such a word then counts as covered by
/// those passages alone. An editor who adds an article with "## Hvor længe varer en frossen skulder?" gets that
/// question answered without touching the lexicon, while what other articles mention in passing (the knee, on the
/// way down the leg) and what no heading names ("hvor længe varer iskias") still count as not covered. A phrase is
/// about the passages whose headings have any phrase of its group: "hvor lang tid" finds "Hvor længe varer …?".
/// </summary>
internal sealed class HeadingTopics
{
    private readonly Dictionary<int, int[]> _passagesByTerm = [];
    private readonly Dictionary<int, (string[] Words, int[] Passages)[]> _phrasesByGroup = [];
    private readonly PassageIndex _index;

    public HeadingTopics(PassageIndex index, UncoveredPhrases phrases)
    {
        _index = index;
        var byTerm = new Dictionary<int, List<int>>();
        var byPhrase = new Dictionary<(int Group, string Key), (string[] Words, List<int> Passages)>();
        for (var p = 0; p < index.Passages.Count; p++)
        {
            foreach (var term in index.HeadingTerms[p])
            {
                Add(byTerm, term, p);
            }

            var passage = index.Passages[p];
            foreach (var heading in new[] { passage.Title, passage.ArticleTitle }.Distinct(StringComparer.Ordinal))
            {
                var words = WordTokens.Of(heading).ConvertAll(DanishFolding.ToDigraphs);
                for (var start = 0; start < words.Count; start++)
                {
                    if (phrases.PhraseAt(words, start) is { } phrase)
                    {
                        var key = (phrase.Group, string.Join(' ', phrase.Words));
                        if (!byPhrase.TryGetValue(key, out var found))
                        {
                            byPhrase[key] = found = (phrase.Words, []);
                        }

                        found.Passages.Add(p);
                    }
                }
            }
        }

        foreach (var (term, passages) in byTerm)
        {
            _passagesByTerm[term] = [.. passages.Distinct()];
        }

        foreach (var group in byPhrase.GroupBy(entry => entry.Key.Group))
        {
            _phrasesByGroup[group.Key] = [.. group.Select(entry => (entry.Value.Words, entry.Value.Passages.Distinct().ToArray()))];
        }
    }

    /// <summary>The passages (ascending positions) whose heading or article title has <paramref name="term"/>, or null when none has.</summary>
    public int[]? PassagesAbout(string term) =>
        _index.Find(term) is { } postings && _passagesByTerm.TryGetValue(postings.Id, out var passages) ? passages : null;

    /// <summary>
    /// The phrases of group <paramref name="group"/> that some heading or article title has, each with those passages
    /// (ascending positions); empty when none has.
    /// </summary>
    public IReadOnlyList<(string[] Words, int[] Passages)> PhrasesAbout(int group) =>
        _phrasesByGroup.GetValueOrDefault(group) ?? [];

    private static void Add<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int passage)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(passage);
    }
}
