using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// The lexicon's phrases that ask for what no article says ("hvor lang tid", "how long"), found in a question word
/// for word, typed with or without æøå.
/// </summary>
internal sealed class UncoveredPhrases(IEnumerable<string> phrases)
{
    private readonly (string[] Digraphs, string[] Words)[] _phrases = [.. phrases
        .Select(p => WordTokens.Of(p))
        .Where(words => words.Count > 0)
        .Select(words => (words.Select(DanishFolding.ToDigraphs).ToArray(), words.ToArray()))];

    /// <summary>
    /// The number of tokens of the phrase starting at <paramref name="start"/>, or 0 when none does.
    /// <paramref name="digraphTokens"/> are the question's tokens with æøå as digraphs (<see cref="DanishFolding.ToDigraphs"/>).
    /// </summary>
    public int LengthAt(List<string> digraphTokens, int start) => PhraseAt(digraphTokens, start)?.Length ?? 0;

    /// <summary>
    /// The words of the phrase starting at <paramref name="start"/> as the lexicon spells them (with æøå), or null
    /// when none does.
    /// </summary>
    public string[]? PhraseAt(List<string> digraphTokens, int start)
    {
        foreach (var (phrase, words) in _phrases)
        {
            if (start + phrase.Length > digraphTokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < phrase.Length && matches; k++)
            {
                matches = phrase[k] == digraphTokens[start + k];
            }

            if (matches)
            {
                return words;
            }
        }

        return null;
    }
}
