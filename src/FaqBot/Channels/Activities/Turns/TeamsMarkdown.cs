using System.Text.RegularExpressions;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>
/// Rewrites Markdown into the subset Teams renders in text messages: no headings, rules, images or tables (Teams shows
/// them raw or oversized). Bold, italics, links, lists and quotes pass through.
/// </summary>
public static partial class TeamsMarkdown
{
    /// <summary>The Teams-safe form of <paramref name="markdown"/>.</summary>
    public static string Normalize(string markdown)
    {
        var text = TableSeparator().Replace(markdown, "");
        text = TableRow().Replace(text, match => "- " + string.Join(" – ", Cells(match.Groups["cells"].Value)));
        text = Heading().Replace(text, "**$1**");
        text = Rule().Replace(text, "");
        text = Image().Replace(text, "[$1]($2)");
        return text;
    }

    private static IEnumerable<string> Cells(string row) =>
        row.Split('|').Select(cell => cell.Trim()).Where(cell => cell.Length > 0);

    [GeneratedRegex(@"^[ ]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*(\r?\n|$)", RegexOptions.Multiline)]
    private static partial Regex Rule();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Image();

    /// <summary>A table's header separator, e.g. <c>|---|:--:|</c>.</summary>
    [GeneratedRegex(@"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*(\r?\n|$)", RegexOptions.Multiline)]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^[ \t]*\|(?<cells>.*)\|[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
