using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>A phrase of the lexicon's uncovered phrases found in a question, and the group of phrases that ask the same.</summary>
/// <param name="Words">Its words as the lexicon spells them (with æøå).</param>
/// <param name="Group">The number of its group (one line of the lexicon file: "hvor lang tid, hvor længe, how long").</param>
internal sealed record UncoveredPhrase(string[] Words, int Group);

/// <summary>
/// The lexicon's phrases that ask for what no article says ("hvor lang tid", "how long"), found in a question word
/// for word, typed with or without æøå. The phrases of one group ask the same thing.
/// </summary>
internal sealed class UncoveredPhrases
{
    private readonly (string[] Digraphs, UncoveredPhrase Phrase)[] _phrases;

    public UncoveredPhrases(IEnumerable<IEnumerable<string>> groups)
    {
        _phrases = [.. groups.SelectMany((group, number) => group
            .Select(p => WordTokens.Of(p))
            .Where(words => words.Count > 0)
            .Select(words => (words.Select(DanishFolding.ToDigraphs).ToArray(), new UncoveredPhrase([.. words], number))))];
    }

    /// <summary>The phrase that is all of <paramref name="digraphTokens"/>, or null when none is.</summary>
    public UncoveredPhrase? Whole(List<string> digraphTokens) =>
        PhraseAt(digraphTokens, 0) is { } phrase && phrase.Words.Length == digraphTokens.Count ? phrase : null;

    /// <summary>
    /// The phrase starting at <paramref name="start"/>, or null when none does. <paramref name="digraphTokens"/> are
    /// the question's tokens with æøå as digraphs (<see cref="DanishFolding.ToDigraphs"/>).
    /// </summary>
    public UncoveredPhrase? PhraseAt(List<string> digraphTokens, int start)
    {
        foreach (var (digraphs, phrase) in _phrases)
        {
            if (start + digraphs.Length > digraphTokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < digraphs.Length && matches; k++)
            {
                matches = digraphs[k] == digraphTokens[start + k];
            }

            if (matches)
            {
                return phrase;
            }
        }

        return null;
    }
}
