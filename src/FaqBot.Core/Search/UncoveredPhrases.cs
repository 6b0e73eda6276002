using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// The lexicon's phrases that ask for what no article says ("hvor lang tid", "how long"), found in a question word
/// for word, typed with or without æøå.
/// </summary>
internal sealed class UncoveredPhrases(IEnumerable<string> phrases)
{
    private readonly string[][] _phrases = [.. phrases
        .Select(p => WordTokens.Of(p).Select(DanishFolding.ToDigraphs).ToArray())
        .Where(p => p.Length > 0)];

    /// <summary>
    /// The number of tokens of the phrase starting at <paramref name="start"/>, or 0 when none does.
    /// <paramref name="digraphTokens"/> are the question's tokens with æøå as digraphs (<see cref="DanishFolding.ToDigraphs"/>).
    /// </summary>
    public int LengthAt(List<string> digraphTokens, int start)
    {
        foreach (var phrase in _phrases)
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
                return phrase.Length;
            }
        }

        return 0;
    }
}
