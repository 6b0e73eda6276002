using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Content;

/// <summary>One passage-to-be, before it gets its id.</summary>
/// <param name="Kind">Intro, section or FAQ item.</param>
/// <param name="Title">The heading as plain text; empty for the intro.</param>
/// <param name="Line">1-based file line of the heading (of the first text line for the intro).</param>
/// <param name="Text">The body as Markdown.</param>
internal sealed record MarkdownSection(PassageKind Kind, string Title, int Line, string Text);

/// <summary>What the Markdown body holds.</summary>
/// <param name="TitleHeading">The <c>#</c> heading, if any.</param>
/// <param name="Sections">The intro (if any), then sections and FAQ items in document order.</param>
internal sealed record MarkdownOutline(string? TitleHeading, IReadOnlyList<MarkdownSection> Sections);

/// <summary>
/// Splits a Markdown body at its headings: the text before the first heading is the intro, each <c>##</c> is a section,
/// and each <c>###</c> under an FAQ <c>##</c> is a question with its answer. Deeper headings stay in their passage's text.
/// </summary>
internal static class MarkdownArticleParser
{
    // Plain CommonMark is enough: headings drive the split and passage text is cut from the source.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <param name="path">For problems.</param>
    /// <param name="body">The Markdown after the front matter.</param>
    /// <param name="bodyFirstLine">1-based file line of the body's first line.</param>
    /// <param name="problems">Where to report.</param>
    public static MarkdownOutline Parse(string path, string body, int bodyFirstLine, ICollection<ContentProblem> problems)
    {
        var document = Markdown.Parse(body, Pipeline);
        var textBuilder = new PassageTextBuilder(new TextLines(body));
        var sections = new List<MarkdownSection>();
        var intro = new List<Block>();
        string? titleHeading = null;
        OpenSection? open = null;
        OpenSection? faq = null;

        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                var line = bodyFirstLine + heading.Line;
                var title = PlainText(heading);
                if (heading.Level == 1)
                {
                    if (titleHeading is null && open is null)
                    {
                        titleHeading = title;
                    }
                    else
                    {
                        problems.Add(new ContentProblem(path, line,
                            "only one '#' heading is allowed, as the article title before the first '##' section; use '##' for a section"));
                    }

                    continue;
                }

                if (heading.Level == 2)
                {
                    Close(open);
                    CloseFaq(faq);
                    open = new OpenSection(PassageKind.Section, title, line, FaqHeading.IsMatch(title));
                    faq = open.IsFaq ? open : null;
                    continue;
                }

                if (heading.Level == 3 && faq is not null)
                {
                    Close(open);
                    faq.QuestionCount++;
                    open = new OpenSection(PassageKind.FaqItem, title, line, IsFaq: false);
                    continue;
                }

                if (open is null)
                {
                    problems.Add(new ContentProblem(path, line,
                        $"'{new string('#', heading.Level)}' heading before the first '##' section; its text would belong to no passage, so make it a '##' section"));
                }
            }

            (open?.Blocks ?? intro).Add(block);
        }

        Close(open);
        CloseFaq(faq);

        var (introText, introLine) = textBuilder.Build(intro);
        if (introText.Length > 0)
        {
            sections.Insert(0, new MarkdownSection(PassageKind.Intro, "", bodyFirstLine + introLine, introText));
        }

        return new MarkdownOutline(titleHeading, sections);

        void Close(OpenSection? section)
        {
            if (section is null)
            {
                return;
            }

            var (text, _) = textBuilder.Build(section.Blocks);
            section.HasText = text.Length > 0;
            if (section.HasText)
            {
                sections.Add(new MarkdownSection(section.Kind, section.Title, section.Line, text));
            }
            else if (section.Kind == PassageKind.FaqItem)
            {
                problems.Add(new ContentProblem(path, section.Line, $"the FAQ question '{section.Title}' has no answer"));
            }
            else if (!section.IsFaq)
            {
                problems.Add(new ContentProblem(path, section.Line, $"the section '{section.Title}' has no text"));
            }

            // An FAQ heading without text of its own is fine if questions follow; CloseFaq checks that.
        }

        void CloseFaq(OpenSection? faqSection)
        {
            if (faqSection is { HasText: false, QuestionCount: 0 })
            {
                problems.Add(new ContentProblem(path, faqSection.Line,
                    $"the FAQ heading '{faqSection.Title}' has no text and no '###' questions"));
            }
        }
    }

    /// <summary>The heading without Markdown: emphasis, links and code reduced to their text.</summary>
    private static string PlainText(HeadingBlock heading)
    {
        var text = new StringBuilder();
        if (heading.Inline is not null)
        {
            Append(heading.Inline, text);
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        static void Append(Inline inline, StringBuilder text)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, text);
                    }

                    break;
                default:
                    // Raw HTML and the like carry no heading text.
                    break;
            }
        }
    }

    private sealed record OpenSection(PassageKind Kind, string Title, int Line, bool IsFaq)
    {
        public List<Block> Blocks { get; } = [];

        public bool HasText { get; set; }

        public int QuestionCount { get; set; }
    }
}
