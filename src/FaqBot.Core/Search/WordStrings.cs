using FaqBot.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Search;

/// <summary>
/// Tokenizes texts like <see cref="WordTokens"/>, but gives every occurrence of a word the same string: an index over
/// thousands of passages reads millions of words and has only tens of thousands of distinct ones.
/// </summary>
internal sealed class WordStrings
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public WordStrings() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words of <paramref name="text"/>, as <see cref="WordTokens.Of"/> gives them.</summary>
    public List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = WordTokens.Stream(text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.Buffer.AsSpan(0, term.Length);
            if (!_bySpan.TryGetValue(word, out var shared))
            {
                shared = word.ToString();
                _strings[shared] = shared;
            }

            tokens.Add(shared);
        }

        stream.End();
        return tokens;
    }
}
