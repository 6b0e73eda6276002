using System.Text.RegularExpressions;

namespace FaqBot.Analysis;

/// <summary>The words of a passage's Markdown that a reader sees: link targets and images are not text to match.</summary>
public static partial class MarkdownPlainText
{
    /// <summary>Markdown with images removed and links reduced to their text.</summary>
    public static string From(string markdown)
    {
        var withoutImages = ImagePattern().Replace(markdown, " ");
        return LinkPattern().Replace(withoutImages, "$1");
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();
}
