using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Content;

/// <summary>
/// Reads the editor's alternative questions: <c>questions/&lt;article-id&gt;.yml</c> maps a passage's slug to the
/// other ways patients ask for it. A heading says what a passage answers in the article's words; these say it
/// in the patients' words, which the search weighs like the heading.
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
            .Where(path => Path.GetExtension(path) is ".yml" or ".yaml")
            .OrderBy(path => path, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var articleId = Path.GetFileNameWithoutExtension(path);
            if (!byArticle.TryGetValue(articleId, out var article))
            {
                problems.Add(new ContentProblem(path, 0, $"there is no loaded article '{articleId}.md' for these questions; name the file after the article"));
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
        static int Line(Mark mark) => (int)Math.Max(mark.Line, 1);

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(path, Line(e.Start), $"invalid YAML: {e.Message}"));
            return;
        }

        if (stream.Documents.Count == 0)
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            problems.Add(new ContentProblem(path, Line(stream.Documents[0].RootNode.Start), "expected 'passage-slug:' lines, each followed by '  - question' lines"));
            return;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var slug = (keyNode as YamlScalarNode)?.Value ?? "";
            var id = $"{article.Id}#{slug}";
            if (!article.Passages.Any(p => p.Id == id))
            {
                var known = string.Join(", ", article.Passages.Select(p => p.Id[(article.Id.Length + 1)..]));
                problems.Add(new ContentProblem(path, Line(keyNode.Start), $"'{slug}' is not a passage of {article.Id}.md; its passages are: {known}"));
                continue;
            }

            if (valueNode is not YamlSequenceNode list)
            {
                problems.Add(new ContentProblem(path, Line(valueNode.Start), $"'{slug}' must be followed by a list of questions ('  - question' lines)"));
                continue;
            }

            if (!questionsById.TryGetValue(id, out var questions))
            {
                questions = [];
                questionsById[id] = questions;
            }

            foreach (var item in list)
            {
                if (item is YamlScalarNode { Value: { } question } && !string.IsNullOrWhiteSpace(question))
                {
                    questions.Add(question.Trim());
                }
                else
                {
                    problems.Add(new ContentProblem(path, Line(item.Start), $"a question under '{slug}' must be one line of text"));
                }
            }
        }
    }
}
