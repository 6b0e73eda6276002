namespace FaqBot.Analysis;

/// <summary>
/// Guesses the base forms of an inflected word the stemmer leaves apart from its base, mostly loanwords ending
/// in -s: "iskiassen" → "iskias" (Snowball stems "iskias" to "iskia" but "iskiassen" to "iskias"),
/// "prolapsen" → "prolaps"; and drops the intensifier "aller-" ("allerværst" → "værst"). Used only as a fallback
/// when a word's stem is not in the index.
/// </summary>
public static class InflectionStripper
{
    private const int MinBaseLength = 3;

    // Longest first, so "iskiassens" tries "iskias" before "iskiassen". Past tenses too: "viste" → "vis" (as "viser").
    private static readonly string[] Endings = ["ernes", "enes", "erne", "ende", "ene", "ede", "ens", "ets", "ers", "en", "et", "er", "es", "te", "e", "s", "n"];

    /// <summary>
    /// Base forms of a word whose unstressed e dropped before its ending ("skuldre" → "skulder", "frosne" → "frosen",
    /// "cykler" → "cykel"), for a stem the index lacks. Not where the word without its ending is itself a word
    /// (<paramref name="isWord"/>): "vejret" is "vejr", not "vejer".
    /// </summary>
    public static IEnumerable<string> SyncopatedBaseForms(string word, Func<string, bool> isWord)
    {
        foreach (var ending in Endings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal) || word.Length - ending.Length <= MinBaseLength)
            {
                continue;
            }

            var stripped = word[..^ending.Length];
            if (stripped[^1] is 'l' or 'n' or 'r' && IsConsonant(stripped[^2]) && !isWord(stripped))
            {
                yield return $"{stripped[..^1]}e{stripped[^1]}";
            }
        }
    }

    /// <summary>
    /// <see cref="BaseForms(string)"/>, then <see cref="SyncopatedBaseForms"/>: every base form to try for a word
    /// whose stem the index lacks.
    /// </summary>
    public static IEnumerable<string> BaseForms(string word, Func<string, bool> isWord) =>
        BaseForms(word).Concat(SyncopatedBaseForms(word, isWord));

    private static bool IsConsonant(char c) => char.IsLetter(c) && "aeiouyæøå".IndexOf(c) < 0;

    /// <summary>Candidate base forms, most likely first; the word itself is not included.</summary>
    public static IEnumerable<string> BaseForms(string word)
    {
        // "aller-" only intensifies a superlative: "allerværst" is "værst".
        if (word.StartsWith("aller", StringComparison.Ordinal) && word.Length - 5 >= MinBaseLength)
        {
            yield return word[5..];
        }

        foreach (var ending in Endings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal) || word.Length - ending.Length < MinBaseLength)
            {
                continue;
            }

            var stripped = word[..^ending.Length];
            yield return stripped;

            // A consonant doubles before an ending: "iskias" + "en" → "iskiassen".
            if (stripped.Length > MinBaseLength && stripped[^1] == stripped[^2])
            {
                yield return stripped[..^1];
            }
        }
    }
}
