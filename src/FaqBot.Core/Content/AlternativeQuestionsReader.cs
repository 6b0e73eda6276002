using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FaqBot.Content;

/// <summary>
/// Reads the editor's alternative questions: <c>questions/&lt;article-id&gt;.yml</c> maps a passage's slug to the
/// other ways patients ask for it. A heading says what a passage answers in the article's words; these say it
/// in the patients' words, which the search weighs nearly like the heading and matches whole like it.
/// <code>
/// hvordan-stilles-diagnosen-iskias-smerter:
///   - Hvordan finder man ud af, om det er iskias?
/// </code>
/// A problem (bad YAML, an unknown slug, a file for no article) is reported with file and line; the rest of the
/// file still applies, and the articles load either way.
/// </summary>
public static class AlternativeQuestionsReader
{
    /// <summary>The folder of question files within the content folder.</summary>
    public const string Folder = "questions";

    /// <summary>The articles with each passage's alternative questions attached from <paramref name="directory"/>.</summary>
    public static IReadOnlyList<Article> Attach(IReadOnlyList<Article> articles, string directory, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (!Directory.Exists(directory))
        {
            return articles;
        }

        var byArticle = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var questionsById = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var paths = Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly)
            .Where(path => Path.GetExtension(path).ToLowerInvariant() is ".yml" or ".yaml")
            .OrderBy(path => path, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var articleId = Path.GetFileNameWithoutExtension(path);
            if (!byArticle.TryGetValue(articleId, out var article))
            {
                problems.Add(new ContentProblem(path, 0, $"there is no loaded article '{articleId}.md' for these questions: name the file after the article, or fix that article's own problems"));
                continue;
            }

            if (ContentFileReader.TryRead(path, problems) is { } text)
            {
                Read(path, text, article, questionsById, problems);
            }
        }

        return [.. articles.Select(article => article with
        {
            Passages = [.. article.Passages.Select(p => questionsById.TryGetValue(p.Id, out var questions) ? p with { AlternativeQuestions = questions } : p)],
        })];
    }

    private static void Read(string path, string text, Article article, Dictionary<string, List<string>> questionsById, ICollection<ContentProblem> problems)
    {
        // Read event by event rather than as a YamlStream, which rejects a whole file for one repeated slug.
        var parser = new Parser(new StringReader(text));
        var slugLines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return;
            }

            parser.Consume<DocumentStart>();
            if (!parser.TryConsume<MappingStart>(out _))
            {
                problems.Add(new ContentProblem(path, Line(parser.Current!.Start), "expected 'passage-slug:' lines, each followed by '  - question' lines"));
                return;
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                ReadEntry(path, parser, article, questionsById, slugLines, problems);
            }
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(path, Line(e.Start), $"invalid YAML: {e.Message}"));
        }
    }

    /// <summary>One <c>slug:</c> with its list of questions; a problem skips the entry, not the file.</summary>
    private static void ReadEntry(
        string path,
        IParser parser,
        Article article,
        Dictionary<string, List<string>> questionsById,
        Dictionary<string, int> slugLines,
        ICollection<ContentProblem> problems)
    {
        if (!parser.TryConsume<Scalar>(out var key))
        {
            problems.Add(new ContentProblem(path, Line(parser.Current!.Start), "a passage slug must be plain text, e.g. 'hvordan-stilles-diagnosen'"));
            parser.SkipThisAndNestedEvents();
            parser.SkipThisAndNestedEvents();
            return;
        }

        var slug = key.Value;
        var line = Line(key.Start);
        var id = $"{article.Id}#{slug}";
        if (!article.Passages.Any(p => p.Id == id))
        {
            var known = string.Join(", ", article.Passages.Select(p => p.Id[(article.Id.Length + 1)..]));
            problems.Add(new ContentProblem(path, line, $"'{slug}' is not a passage of {article.Id}.md; its passages are: {known}"));
            parser.SkipThisAndNestedEvents();
            return;
        }

        if (!parser.TryConsume<SequenceStart>(out _))
        {
            problems.Add(new ContentProblem(path, Line(parser.Current!.Start), $"'{slug}' must be followed by a list of questions ('  - question' lines)"));
            parser.SkipThisAndNestedEvents();
            return;
        }

        if (slugLines.TryGetValue(slug, out var firstLine))
        {
            // Nothing is lost: the questions join the first list, and the editor is told to merge the two.
            problems.Add(new ContentProblem(path, line, $"'{slug}' is listed twice (also at line {firstLine}); its questions were kept, but merge the two lists"));
        }
        else
        {
            slugLines[slug] = line;
        }

        if (!questionsById.TryGetValue(id, out var questions))
        {
            questions = [];
            questionsById[id] = questions;
        }

        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (parser.TryConsume<Scalar>(out var item) && !string.IsNullOrWhiteSpace(item.Value) && !item.Value.Trim().Contains('\n', StringComparison.Ordinal))
            {
                questions.Add(item.Value.Trim());
                continue;
            }

            var itemLine = item is null ? Line(parser.Current!.Start) : Line(item.Start);
            problems.Add(new ContentProblem(path, itemLine, $"a question under '{slug}' must be one line of text"));
            if (item is null)
            {
                parser.SkipThisAndNestedEvents();
            }
        }
    }

    private static int Line(Mark mark) => (int)Math.Max(mark.Line, 1);
}
