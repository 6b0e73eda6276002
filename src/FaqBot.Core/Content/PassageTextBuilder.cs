using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Content;

/// <summary>
/// Turns the blocks of a passage back into Markdown from the source: lines that only hold images are dropped,
/// everything else (links, emphasis, lists) is kept as written, blocks are separated by one blank line.
/// </summary>
internal sealed class PassageTextBuilder(TextLines lines)
{
    /// <param name="blocks">Top-level blocks of the passage body.</param>
    /// <returns>The text (empty if nothing is left) and the 0-based line of its first line (-1 if empty).</returns>
    public (string Text, int FirstLine) Build(IEnumerable<Block> blocks)
    {
        var chunks = new List<string>();
        var firstLine = -1;
        foreach (var block in blocks)
        {
            // Editors' comments are notes for each other, not for patients.
            if (block is HtmlBlock { Type: HtmlBlockType.Comment })
            {
                continue;
            }

            var (chunk, chunkFirstLine) = BlockText(block);
            if (chunk.Length == 0)
            {
                continue;
            }

            if (firstLine < 0)
            {
                firstLine = chunkFirstLine;
            }

            chunks.Add(chunk);
        }

        return (string.Join("\n\n", chunks), firstLine);
    }

    private (string Text, int FirstLine) BlockText(Block block)
    {
        var (first, last) = block.Span.Start >= 0 && block.Span.End >= block.Span.Start
            ? (lines.LineOf(block.Span.Start), lines.LineOf(block.Span.End))
            : (block.Line, block.Line);
        var imageOnly = ImageOnlyLines(block);

        // Leading spaces of paragraph lines carry no meaning in Markdown; elsewhere (lists, code) they do.
        var isParagraph = block is ParagraphBlock;
        var kept = new List<string>();
        var keptFirst = -1;
        for (var i = first; i <= last && i < lines.Count; i++)
        {
            if (imageOnly.Contains(i))
            {
                continue;
            }

            var line = lines[i];
            if (isParagraph || string.IsNullOrWhiteSpace(line))
            {
                line = line.TrimStart();
            }

            if (kept.Count == 0 && line.Length == 0)
            {
                continue;
            }

            if (keptFirst < 0)
            {
                keptFirst = i;
            }

            kept.Add(line);
        }

        var text = string.Join('\n', kept).TrimEnd();
        return (text, text.Length == 0 ? -1 : keptFirst);
    }

    private HashSet<int> ImageOnlyLines(Block block)
    {
        var result = new HashSet<int>();
        IEnumerable<ParagraphBlock> paragraphs = block switch
        {
            ParagraphBlock paragraph => [paragraph],
            ContainerBlock container => container.Descendants<ParagraphBlock>(),
            _ => [],
        };

        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Inline is null)
            {
                continue;
            }

            var imageLines = new HashSet<int>();
            var contentLines = new HashSet<int>();
            foreach (var inline in paragraph.Inline)
            {
                if (inline.Span.Start < 0 || IsBlank(inline))
                {
                    continue;
                }

                var target = IsImage(inline) ? imageLines : contentLines;
                for (var i = lines.LineOf(inline.Span.Start); i <= lines.LineOf(Math.Max(inline.Span.End, inline.Span.Start)); i++)
                {
                    target.Add(i);
                }
            }

            imageLines.ExceptWith(contentLines);
            result.UnionWith(imageLines);
        }

        return result;
    }

    private static bool IsBlank(Inline inline) =>
        inline is LineBreakInline || (inline is LiteralInline literal && IsWhiteSpace(literal.Content));

    // A linked image ([![alt](img)](url)) is still just an image line.
    private static bool IsImage(Inline inline) => inline switch
    {
        LinkInline { IsImage: true } => true,
        LinkInline link => link.Any(IsImage) && link.All(child => IsImage(child) || IsBlank(child)),
        _ => false,
    };

    private static bool IsWhiteSpace(StringSlice slice)
    {
        for (var i = slice.Start; i <= slice.End; i++)
        {
            if (!char.IsWhiteSpace(slice.Text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
