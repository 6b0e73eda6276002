namespace FaqBot.Analysis;

/// <summary>
/// Splits text into lower-cased word tokens: runs of letters and digits. Everything else (spaces, punctuation,
/// hyphens, apostrophes) separates tokens, so "iskias-smerter" gives "iskias" and "smerter".
/// </summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, lower-cased, in order.</summary>
    public static List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>();
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var overflow = false;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                    length = 0;
                    overflow = false;
                }

                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    overflow = true;
                }

                continue;
            }

            if (start >= 0)
            {
                // Tokens longer than the buffer are rare (URLs, garbage); lower-case them the slow way.
                tokens.Add(overflow ? text[start..i].ToString().ToLowerInvariant() : new string(buffer[..length]));
                start = -1;
            }
        }

        return tokens;
    }
}
