using FaqBot.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Search;

/// <summary>
/// Tokenizes texts like <see cref="WordTokens"/>, but as numbers: each distinct word gets an id and one string. An
/// index over thousands of passages reads millions of words and has only tens of thousands of distinct ones.
/// </summary>
internal sealed class WordIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _words = [];

    public WordIds() => _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct words have been read; ids run from 0 to one less.</summary>
    public int Count => _words.Count;

    /// <summary>The word with id <paramref name="id"/>.</summary>
    public string this[int id] => _words[id];

    /// <summary>The ids of the words of <paramref name="text"/>, as <see cref="WordTokens.Of"/> gives them; <paramref name="buffer"/> is scratch.</summary>
    public int[] Of(string text, List<int> buffer)
    {
        buffer.Clear();
        using var stream = WordTokens.Stream(text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.Buffer.AsSpan(0, term.Length);
            if (!_bySpan.TryGetValue(word, out var id))
            {
                id = _words.Count;
                var shared = word.ToString();
                _ids[shared] = id;
                _words.Add(shared);
            }

            buffer.Add(id);
        }

        stream.End();
        return [.. buffer];
    }
}
