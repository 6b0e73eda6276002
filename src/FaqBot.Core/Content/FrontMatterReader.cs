using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Content;

/// <summary>Splits a file into its YAML front matter (between <c>---</c> lines at the top) and its Markdown body.</summary>
internal static class FrontMatterReader
{
    /// <returns>The split, or <see langword="null"/> when the body cannot be found (the front matter is never closed).</returns>
    public static FrontMatterSplit? Read(string path, string text, ICollection<ContentProblem> problems)
    {
        var lines = new TextLines(text);
        if (lines[0].TrimEnd() != "---")
        {
            return new FrontMatterSplit(FrontMatter.None, text, 1);
        }

        var close = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            problems.Add(new ContentProblem(path, 1, "the front matter opened by '---' is never closed; add a '---' line after it"));
            return null;
        }

        var yaml = string.Join('\n', Enumerable.Range(1, close - 1).Select(i => lines[i]));
        var frontMatter = Parse(path, yaml, firstLine: 2, problems);
        var body = close + 1 < lines.Count ? text[lines.StartOf(close + 1)..] : "";
        return new FrontMatterSplit(frontMatter, body, close + 2);
    }

    /// <param name="path">For problems.</param>
    /// <param name="yaml">The text between the fences.</param>
    /// <param name="firstLine">1-based file line of the YAML's first line, to map YAML lines to file lines.</param>
    /// <param name="problems">Where to report.</param>
    internal static FrontMatter Parse(string path, string yaml, int firstLine, ICollection<ContentProblem> problems)
    {
        int FileLine(Mark mark) => firstLine + (int)Math.Max(mark.Line - 1, 0);

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(path, FileLine(e.Start), $"invalid YAML in the front matter: {e.Message}"));
            return FrontMatter.None;
        }

        if (stream.Documents.Count == 0)
        {
            return FrontMatter.None;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode map)
        {
            problems.Add(new ContentProblem(path, FileLine(root.Start), "the front matter must be 'key: value' lines"));
            return FrontMatter.None;
        }

        string? title = null, metaTitle = null;
        DateOnly? published = null, updated = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            switch (key)
            {
                case "title":
                    title = ReadText(key, valueNode);
                    break;
                case "metaTitle":
                    metaTitle = ReadText(key, valueNode);
                    break;
                case "datePublished":
                    published = ReadDate(key, valueNode);
                    break;
                case "lastUpdated":
                    updated = ReadDate(key, valueNode);
                    break;
                default:
                    // Images, SEO fields etc. are for the website, not for answering.
                    break;
            }
        }

        return new FrontMatter(title, metaTitle, published, updated);

        string? ReadText(string key, YamlNode node)
        {
            if (node is not YamlScalarNode scalar)
            {
                problems.Add(new ContentProblem(path, FileLine(node.Start), $"'{key}' must be text, not a list or mapping"));
                return null;
            }

            if (IsNull(scalar))
            {
                return null;
            }

            var value = scalar.Value!.Trim();
            return value.Length == 0 ? null : value;
        }

        DateOnly? ReadDate(string key, YamlNode node)
        {
            var text = ReadText(key, node);
            if (text is null)
            {
                return null;
            }

            if (ContentDateParser.TryParse(text, out var date))
            {
                return date;
            }

            problems.Add(new ContentProblem(
                path,
                FileLine(node.Start),
                $"'{key}' is not a date: '{text}'; write it day first as 08-05-2025 or 08/05/2025, or as 2025-05-08"));
            return null;
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
