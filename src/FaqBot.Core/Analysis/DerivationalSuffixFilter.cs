using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Analysis;

/// <summary>
/// Runs after the Snowball stemmer and joins verbal nouns with their verbs, which Snowball leaves apart:
/// "scanning" → "scan" like "scannes", "træning" → "træn" like "træne", "operation" → "oper" like "opereret".
/// Snowball stays untouched (parity with the reference stems); this is one of FaqBot's switchable additions.
/// Tokens marked as keywords are left alone, as Lucene's stemmers do.
/// </summary>
public sealed class DerivationalSuffixFilter : TokenFilter
{
    private const int MinRemaining = 3;

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>Filters <paramref name="input"/>, a stream of Snowball stems.</summary>
    public DerivationalSuffixFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            _term.Length = StemLength(_term.Buffer.AsSpan(0, _term.Length));
        }

        return true;
    }

    /// <summary>The stem with a trailing "-ing" or "-ation" removed (and a doubled final consonant undoubled).</summary>
    public static string Apply(string stem)
    {
        var length = StemLength(stem);
        return length == stem.Length ? stem : stem[..length];
    }

    private static int StemLength(ReadOnlySpan<char> stem)
    {
        if (stem.EndsWith("ation") && stem.Length - 5 >= MinRemaining)
        {
            return stem.Length - 5;
        }

        // "-ing" after a consonant: "scanning", "behandling", "træning"; but not "ting" or "ring" (too short).
        if (stem.EndsWith("ing") && stem.Length - 3 >= MinRemaining + 1 && !IsVowel(stem[^4]))
        {
            var root = stem[..^3];
            return root.Length > MinRemaining + 1 && root[^1] == root[^2] && !IsVowel(root[^1]) ? root.Length - 1 : root.Length;
        }

        return stem.Length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'æ' or 'ø' or 'å';
}
