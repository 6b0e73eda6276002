namespace FaqBot.Analysis;

/// <summary>Splits text into sentences at ".", "!", "?" or a line break followed by white space.</summary>
public static class Sentences
{
    /// <summary>The sentences of <paramref name="text"/>, trimmed, without empty ones.</summary>
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        Add(text[start..]);
        return sentences;

        void Add(string sentence)
        {
            var trimmed = sentence.Trim();
            if (trimmed.Length > 0)
            {
                sentences.Add(trimmed);
            }
        }
    }
}
