using FaqBot.Conversation;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Cli;

/// <summary>A reply as a patient reads it in a terminal: the bubbles' Markdown rendered to plain text by Markdig, links as "text (url)".</summary>
internal static class PlainTextReply
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// All bubbles one after the other, then the questions to tap next as "→ question" lines, then any screening
    /// question with its answers.
    /// </summary>
    public static string Of(Reply reply)
    {
        var text = string.Join("\n\n", reply.Messages.Select(m => Render(m.Markdown)));
        if (reply.SuggestedQuestions.Count > 0)
        {
            text += "\n\n" + string.Join('\n', reply.SuggestedQuestions.Select(q => $"→ {q}"));
        }

        return reply.Screening is { } screening ? $"{text}\n\n{screening.Question} (Ja / Nej)" : text;
    }

    /// <summary>Markdown without its markup; a link keeps its address after the text, since a terminal cannot follow it.</summary>
    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage && !string.IsNullOrEmpty(l.Url)).ToList())
        {
            link.InsertAfter(new LiteralInline($" ({link.Url})"));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }
}
