using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// Known Danish words by the forms a patient types without æøå: "hjaelp" and "hjalp" both find "hjælp".
/// </summary>
internal sealed class FoldedVocabulary
{
    private readonly Dictionary<string, List<string>> _surfacesByKey = new(StringComparer.Ordinal);

    public FoldedVocabulary(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            Add(DanishFolding.ToDigraphs(word), word);
            Add(DanishFolding.ToBareLetters(word), word);
        }
    }

    /// <summary>The words that fold to <paramref name="typed"/>; false when it is no folded form of a known word.</summary>
    public bool TryGetWords(string typed, out List<string> words) =>
        _surfacesByKey.TryGetValue(typed, out words!);

    /// <summary>The words <paramref name="typed"/> stands for: the folded look-up, or the word itself.</summary>
    public IEnumerable<string> WordsFor(string typed) =>
        _surfacesByKey.TryGetValue(typed, out var words) ? words : [typed];

    private void Add(string key, string word)
    {
        if (key == word)
        {
            return;
        }

        if (!_surfacesByKey.TryGetValue(key, out var words))
        {
            words = [];
            _surfacesByKey[key] = words;
        }

        if (!words.Contains(word))
        {
            words.Add(word);
        }
    }
}
