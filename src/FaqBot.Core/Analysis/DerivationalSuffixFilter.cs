namespace FaqBot.Analysis;

/// <summary>
/// Runs after the Snowball stemmer and joins verbal nouns with their verbs, which Snowball leaves apart:
/// "scanning" → "scan" like "scannes", "træning" → "træn" like "træne", "operation" → "oper" like "opereret".
/// Snowball stays untouched (parity with Lucene); this is one of FaqBot's switchable additions.
/// </summary>
public static class DerivationalSuffixFilter
{
    private const int MinRemaining = 3;

    /// <summary>The stem with a trailing "-ing" or "-ation" removed (and a doubled final consonant undoubled).</summary>
    public static string Apply(string stem)
    {
        if (stem.EndsWith("ation", StringComparison.Ordinal) && stem.Length - 5 >= MinRemaining)
        {
            return stem[..^5];
        }

        // "-ing" after a consonant: "scanning", "behandling", "træning"; but not "ting" or "ring" (too short).
        if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length - 3 >= MinRemaining + 1 && !IsVowel(stem[^4]))
        {
            var root = stem[..^3];
            return root.Length > MinRemaining + 1 && root[^1] == root[^2] && !IsVowel(root[^1]) ? root[..^1] : root;
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'æ' or 'ø' or 'å';
}
