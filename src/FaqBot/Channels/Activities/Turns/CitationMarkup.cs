using FaqBot.Channels.Activities.Schema;
using FaqBot.Conversation;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>
/// An answer's source as Teams and Web Chat show it: the <c>[1]</c> marker on the answer text (not after the safety
/// note), and the schema.org claim that names the article by its own title.
/// </summary>
public static class CitationMarkup
{
    public const string Marker = "[1]";

    private const int NameLimit = 80;
    private const int AbstractLimit = 160;

    /// <summary>
    /// <paramref name="message"/>'s Markdown with the marker where its answer text ends; for Web Chat also the
    /// Markdown reference definition that links the marker (Teams matches it to the claim by position). A link to the
    /// bot's own article pages by a path keeps its definition: the chat page makes it absolute on its origin.
    /// </summary>
    public static string Marked(ReplyMessage message, SourceCitation source, bool isTeams)
    {
        var markdown = message.Markdown;
        var at = Math.Clamp(message.CitationMarkerAt ?? markdown.TrimEnd().Length, 0, markdown.Length);
        var marked = string.Concat(markdown.AsSpan(0, at).TrimEnd(), " ", Marker, markdown.AsSpan(at)).TrimEnd();
        if (isTeams || !(HttpAddress.IsAbsolute(source.Url) || HttpAddress.IsLocalPath(source.Url)))
        {
            return marked;
        }

        return $"{marked}\n\n{Marker}: {source.Url} \"{source.Title.Replace("\"", "'", StringComparison.Ordinal)}\"";
    }

    /// <summary>The claim behind the marker: the article's title, its link, and the opening of the answer it supports.</summary>
    public static OrgSchemaMessage Citation(ReplyMessage message, SourceCitation source)
    {
        var cited = message.CitationMarkerAt is { } at ? message.Markdown[..Math.Clamp(at, 0, message.Markdown.Length)] : message.Markdown;
        return new OrgSchemaMessage
        {
            Citation =
            [
                new OrgSchemaClaim
                {
                    Position = 1,
                    Appearance = new OrgSchemaDocument
                    {
                        Name = Truncate(source.Title, NameLimit),
                        Url = HttpAddress.IsAbsolute(source.Url) ? source.Url : null,
                        Abstract = Truncate(PlainText(cited), AbstractLimit),
                    },
                },
            ],
        };
    }

    private static string PlainText(string markdown)
    {
        var text = markdown.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal)
            .Replace('*', ' ').Replace('#', ' ').Replace('\n', ' ');
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Truncate(string text, int limit) =>
        text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1).TrimEnd(), "…");
}
