namespace FaqBot.Content;

/// <summary>Line lookup over a <c>\n</c>-separated text: offset to line, line to text.</summary>
internal sealed class TextLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public TextLines(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _starts.Add(i + 1);
            }
        }
    }

    public int Count => _starts.Count;

    /// <summary>Character offset where the 0-based line starts.</summary>
    public int StartOf(int line) => _starts[line];

    /// <summary>0-based line of a character offset.</summary>
    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The 0-based line's text, without its line break.</summary>
    public string this[int line]
    {
        get
        {
            var start = _starts[line];
            var end = line + 1 < _starts.Count ? _starts[line + 1] - 1 : _text.Length;
            return _text[start..end];
        }
    }
}
