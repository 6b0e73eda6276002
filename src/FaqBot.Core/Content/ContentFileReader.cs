using System.Text;

namespace FaqBot.Content;

/// <summary>Reads a content file as strict UTF-8 text with <c>\n</c> line endings.</summary>
internal static class ContentFileReader
{
    // Throwing, so a file saved in another encoding is reported instead of loading with replacement characters.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text, or <see langword="null"/> after adding a problem.</returns>
    public static string? TryRead(string path, ICollection<ContentProblem> problems)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ContentProblem(path, 0, $"cannot read the file: {e.Message}"));
            return null;
        }

        return TryDecode(path, bytes, problems);
    }

    /// <returns>The text, or <see langword="null"/> after adding a problem.</returns>
    public static string? TryDecode(string path, byte[] bytes, ICollection<ContentProblem> problems)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Clamp(e.Index, 0, Math.Max(bytes.Length - 1, 0));
            var line = 1 + bytes.AsSpan(0, index).Count((byte)'\n');
            var value = bytes.Length > 0 ? $"0x{bytes[index]:X2}" : "?";
            problems.Add(new ContentProblem(path, line, $"invalid UTF-8 (byte {value} at offset {index}); save the file as UTF-8"));
            return null;
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        // Only CR and LF: these are the line breaks Markdig counts, so lines stay the editor's lines.
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
}
