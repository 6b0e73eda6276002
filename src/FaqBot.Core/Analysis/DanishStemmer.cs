namespace FaqBot.Analysis;

/// <summary>
/// The Snowball Danish stemmer (https://snowballstem.org/algorithms/danish/stemmer.html).
/// Stateless and thread-safe; use <see cref="Instance"/>.
/// </summary>
/// <remarks>
/// Every step of the algorithm only removes letters from the end of the word ("løst" → "løs" drops the
/// final "t"), so a stem is always a prefix of its word. The stemmer therefore just computes the stem's
/// length over the input span and needs no buffer: <see cref="Stem"/> allocates only when the word changes.
/// </remarks>
public sealed class DanishStemmer
{
    // Main suffixes grouped by their last letter, longest first, so the first one that fits in R1 is
    // the longest match the algorithm asks for. The lone "s" is handled separately (valid s-ending rule).
    private static readonly string[] MainSuffixesD = ["ethed", "ered", "hed"];
    private static readonly string[] MainSuffixesE = ["erende", "erede", "ende", "erne", "ene", "ere", "e"];
    private static readonly string[] MainSuffixesN = ["heden", "eren", "en"];
    private static readonly string[] MainSuffixesR = ["heder", "erer", "er"];
    private static readonly string[] MainSuffixesS =
        ["erendes", "hedens", "endes", "erens", "erets", "ernes", "enes", "eres", "heds", "ens", "ers", "ets", "es"];
    private static readonly string[] MainSuffixesT = ["eret", "et"];

    // "ig", "lig", "elig" share the last letters, so longest first again.
    private static readonly string[] IgSuffixes = ["elig", "lig", "ig"];

    private DanishStemmer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static DanishStemmer Instance { get; } = new();

    /// <summary>Stems a lower-cased word; returns <paramref name="word"/> itself when nothing is removed.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var length = GetStemLength(word);
        return length == word.Length ? word : word[..length];
    }

    /// <summary>
    /// The length of the stem of a lower-cased word: the stem is <c>word[..length]</c>.
    /// Lets callers that hold a span stem without allocating.
    /// </summary>
    public int GetStemLength(ReadOnlySpan<char> word)
    {
        var p1 = FindR1(word);
        var length = word.Length;
        length = RemoveMainSuffix(word, length, p1);
        length = RemoveConsonantPair(word, length, p1);
        length = RemoveOtherSuffix(word, length, p1);
        length = Undouble(word, length, p1);
        return length;
    }

    /// <summary>
    /// Start of R1: after the first non-vowel that follows a vowel, but at least three letters in.
    /// Words of fewer than three letters, or without such a non-vowel, have an empty R1 (start = length).
    /// </summary>
    private static int FindR1(ReadOnlySpan<char> word)
    {
        // "At least three letters" counts code points, so a surrogate pair is one letter.
        var minStart = SkipCodePoints(word, 3);
        if (minStart < 0)
        {
            return word.Length;
        }

        var i = 0;
        while (i < word.Length && !IsVowel(word[i]))
        {
            i++;
        }

        while (i < word.Length && IsVowel(word[i]))
        {
            i++;
        }

        if (i == word.Length)
        {
            return word.Length;
        }

        // Step over the non-vowel, keeping a surrogate pair whole so R1 never starts inside it.
        i += IsSurrogatePairAt(word, i) ? 2 : 1;
        return Math.Max(i, minStart);
    }

    /// <summary>Step 1: delete the longest main suffix in R1; a lone "s" only after a valid s-ending.</summary>
    private static int RemoveMainSuffix(ReadOnlySpan<char> word, int length, int p1)
    {
        if (length == 0)
        {
            return length;
        }

        var current = word[..length];
        var candidates = current[^1] switch
        {
            'd' => MainSuffixesD,
            'e' => MainSuffixesE,
            'n' => MainSuffixesN,
            'r' => MainSuffixesR,
            's' => MainSuffixesS,
            't' => MainSuffixesT,
            _ => null,
        };
        if (candidates is null)
        {
            return length;
        }

        var matched = LongestSuffixInR1(current, p1, candidates);
        if (matched > 0)
        {
            return length - matched;
        }

        // Only "s" is left to try. The letter before it is checked even when it lies before R1.
        if (current[^1] == 's' && length - 1 >= p1 && length >= 2 && IsValidSEnding(current[^2]))
        {
            return length - 1;
        }

        return length;
    }

    /// <summary>Step 2: if the word ends in "gd", "dt", "gt" or "kt" within R1, delete the last letter.</summary>
    private static int RemoveConsonantPair(ReadOnlySpan<char> word, int length, int p1)
    {
        if (length - 2 < p1)
        {
            return length;
        }

        var isPair = (word[length - 2], word[length - 1]) is ('g', 'd') or ('d', 't') or ('g', 't') or ('k', 't');
        return isPair ? length - 1 : length;
    }

    /// <summary>
    /// Step 3: "igst" → "ig" anywhere; then, in R1, delete the longest of "ig", "lig", "elig", "els" and
    /// redo step 2 on what is left, or replace "løst" by "løs".
    /// </summary>
    private static int RemoveOtherSuffix(ReadOnlySpan<char> word, int length, int p1)
    {
        // Not limited to R1: the "st" goes even when the word is short.
        if (word[..length].EndsWith("igst"))
        {
            length -= 2;
        }

        var current = word[..length];
        if (current.EndsWith("løst"))
        {
            // "løs" is "løst" minus its final letter.
            return length - 4 >= p1 ? length - 1 : length;
        }

        var matched = current.EndsWith("els") && length - 3 >= p1
            ? 3
            : LongestSuffixInR1(current, p1, IgSuffixes);
        if (matched == 0)
        {
            return length;
        }

        // Deleting e.g. "ig" can expose a consonant pair ("allermægtig" → "allermægt"), hence step 2 again.
        return RemoveConsonantPair(word, length - matched, p1);
    }

    /// <summary>
    /// Step 4: a word ending in a double consonant whose last letter is in R1 loses one of them.
    /// Only the consonant letters b–z count: digits and other symbols are never undoubled ("0x0e00" stays).
    /// </summary>
    private static int Undouble(ReadOnlySpan<char> word, int length, int p1)
    {
        if (length < 2 || length - 1 < p1)
        {
            return length;
        }

        var last = word[length - 1];
        return IsConsonant(last) && word[length - 2] == last ? length - 1 : length;
    }

    /// <summary>Length of the longest candidate (ordered longest first) that ends the word inside R1, else 0.</summary>
    private static int LongestSuffixInR1(ReadOnlySpan<char> word, int p1, string[] candidates)
    {
        foreach (var suffix in candidates)
        {
            if (word.Length - suffix.Length >= p1 && word.EndsWith(suffix))
            {
                return suffix.Length;
            }
        }

        return 0;
    }

    /// <summary>Index after the first <paramref name="count"/> code points, or -1 if the word is shorter.</summary>
    private static int SkipCodePoints(ReadOnlySpan<char> word, int count)
    {
        var i = 0;
        for (var n = 0; n < count; n++)
        {
            if (i >= word.Length)
            {
                return -1;
            }

            i += IsSurrogatePairAt(word, i) ? 2 : 1;
        }

        return i;
    }

    private static bool IsSurrogatePairAt(ReadOnlySpan<char> word, int i) =>
        i + 1 < word.Length && char.IsHighSurrogate(word[i]) && char.IsLowSurrogate(word[i + 1]);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'æ' or 'å' or 'ø';

    private static bool IsConsonant(char c) => c is >= 'b' and <= 'z' and not ('e' or 'i' or 'o' or 'u' or 'y');

    private static bool IsValidSEnding(char c) =>
        c is 'a' or 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'o' or 'p'
            or 'r' or 't' or 'v' or 'y' or 'z' or 'å';
}
