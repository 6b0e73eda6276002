using System.Text.RegularExpressions;

namespace FaqBot.Conversation;

/// <summary>Shortens a passage to a chat-friendly length, cutting at the end of a sentence or paragraph.</summary>
public static partial class PassageExcerpt
{
    /// <summary>
    /// <paramref name="text"/> if it fits in <paramref name="maxChars"/>, else its longest prefix that ends a sentence
    /// and fits; a first sentence that is too long on its own is cut at a word and ends with "…".
    /// </summary>
    public static string Trim(string text, int maxChars)
    {
        text = text.Trim();
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = 0;
        foreach (Match boundary in SentenceEnd().Matches(text))
        {
            if (boundary.Index > maxChars)
            {
                break;
            }

            cut = boundary.Index;
        }

        if (cut > 0)
        {
            return text[..cut].TrimEnd();
        }

        var space = text.LastIndexOf(' ', Math.Min(maxChars, text.Length - 1));
        return (space > 0 ? text[..space] : text[..maxChars]).TrimEnd(',', ';', ':', ' ') + " …";
    }

    // After ".", "!" or "?" (maybe closing a quote or bracket) followed by white space, or at a blank line.
    [GeneratedRegex(@"(?<=[.!?][”""')]?)(?=\s)|(?=\n\s*\n)")]
    private static partial Regex SentenceEnd();
}
