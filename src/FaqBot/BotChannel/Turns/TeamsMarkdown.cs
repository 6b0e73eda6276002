using System.Text.RegularExpressions;

namespace FaqBot.BotChannel.Turns;

/// <summary>
/// Rewrites Markdown into the subset Teams renders in text messages: no headings, rules or images (Teams shows them
/// raw or oversized). Bold, italics, links, lists and quotes pass through.
/// </summary>
public static partial class TeamsMarkdown
{
    /// <summary>The Teams-safe form of <paramref name="markdown"/>.</summary>
    public static string Normalize(string markdown)
    {
        var text = Heading().Replace(markdown, "**$1**");
        text = Rule().Replace(text, "");
        text = Image().Replace(text, "[$1]($2)");
        return text;
    }

    [GeneratedRegex(@"^[ ]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*\r?\n?", RegexOptions.Multiline)]
    private static partial Regex Rule();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Image();
}
