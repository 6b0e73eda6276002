using FaqBot.Content;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Articles;

/// <summary>
/// An article's body as HTML for its own page: each passage's heading carries the passage's slug as its id, so an
/// answer's link <c>{base}/{articleId}#{slug}</c> lands on it. The <c>#</c> title (shown by the page), images (the bot
/// does not serve them) and raw HTML (editors' comments; never markup from a content file) are left out.
/// </summary>
internal static class ArticleHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static readonly string[] LinkSchemes = ["https", "http", "mailto", "tel"];

    public static string Render(Article article)
    {
        var document = Markdown.Parse(article.Body, Pipeline);
        var slugByLine = article.Passages
            .Where(passage => passage.Kind != PassageKind.Intro)
            .ToDictionary(passage => passage.Line, passage => passage.Id[(passage.Id.IndexOf('#', StringComparison.Ordinal) + 1)..]);
        foreach (var block in document.Descendants<Block>().ToList())
        {
            switch (block)
            {
                case HeadingBlock { Level: 1 } or HtmlBlock:
                    Remove(block);
                    break;
                case HeadingBlock heading when slugByLine.TryGetValue(article.BodyFirstLine + heading.Line, out var slug):
                    heading.GetAttributes().Id = slug;
                    break;
                default:
                    break;
            }
        }

        foreach (var inline in document.Descendants<Inline>().ToList())
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } or HtmlInline:
                    inline.Remove();
                    break;
                case LinkInline link when !IsSafe(link.Url):
                    // The words stay, without a link a browser could run.
                    link.Url = "";
                    break;
                default:
                    break;
            }
        }

        // A paragraph that held only an image is gone with it.
        foreach (var paragraph in document.Descendants<ParagraphBlock>().Where(p => p.Inline?.FirstChild is null).ToList())
        {
            Remove(paragraph);
        }

        return document.ToHtml(Pipeline);
    }

    private static void Remove(Block block) => block.Parent?.Remove(block);

    /// <summary>A path on the site, an anchor, or an absolute address of a scheme a browser opens harmlessly.</summary>
    private static bool IsSafe(string? url) =>
        url is null or "" || url.StartsWith('#') || HttpAddress.IsLocalPath(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme));
}
