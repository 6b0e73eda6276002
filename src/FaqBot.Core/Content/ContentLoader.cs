namespace FaqBot.Content;

/// <summary>
/// Loads the clinic's Markdown articles into passages. Every problem is reported with file and line;
/// a file with a problem is left out and the others still load.
/// </summary>
public static class ContentLoader
{
    /// <summary>
    /// Loads the <c>*.md</c> files directly in <paramref name="directory"/>, the clinic's practical facts
    /// (<see cref="ClinicFacts"/>) once written, and the editor's alternative questions from its <c>questions/</c>
    /// folder; other subdirectories (lexicons, safety rules) are not articles.
    /// </summary>
    public static ContentLoadResult LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new ContentLoadResult([], [new ContentProblem(directory, 0, "the content directory does not exist")]);
        }

        var paths = Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly)
            .Where(path => Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (paths.Count == 0)
        {
            return new ContentLoadResult([], [new ContentProblem(directory, 0, "the content directory has no '*.md' articles")]);
        }

        if (ClinicFacts.IsWritten(directory))
        {
            paths.Add(ClinicFacts.PathIn(directory));
        }

        var loaded = LoadFiles(paths);
        var problems = loaded.Problems.ToList();
        var articles = AlternativeQuestionsReader.Attach(loaded.Articles, Path.Combine(directory, AlternativeQuestionsReader.Folder), problems);
        return new ContentLoadResult(articles, problems);
    }

    /// <summary>Loads the given Markdown files, in ordinal file-name order so that passage order never depends on the file system.</summary>
    public static ContentLoadResult LoadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var ordered = paths
            .OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal)
            .ThenBy(path => path, StringComparer.Ordinal)
            .ToList();

        var articles = new List<Article>();
        var problems = new List<ContentProblem>();
        var articlesById = new Dictionary<string, Article>(StringComparer.Ordinal);
        var passagesById = new Dictionary<string, Passage>(StringComparer.Ordinal);
        foreach (var path in ordered)
        {
            var text = ContentFileReader.TryRead(path, problems);
            var article = text is null ? null : ArticleParser.Parse(path, text, problems);
            if (article is null)
            {
                continue;
            }

            // Ids start with the file stem, so two files with one stem would clash on every passage: say it once.
            if (articlesById.TryGetValue(article.Id, out var other))
            {
                problems.Add(new ContentProblem(path, 1,
                    $"article id '{article.Id}' (the file name) is also the id of {other.SourcePath}; its passage ids would clash, so rename one file"));
                continue;
            }

            var clashes = article.Passages.Where(p => passagesById.ContainsKey(p.Id)).ToList();
            foreach (var clash in clashes)
            {
                var first = passagesById[clash.Id];
                problems.Add(new ContentProblem(path, clash.Line,
                    $"duplicate passage id '{clash.Id}', also at {first.SourcePath}:{first.Line}"));
            }

            if (clashes.Count > 0)
            {
                continue;
            }

            articlesById.Add(article.Id, article);
            foreach (var passage in article.Passages)
            {
                passagesById.Add(passage.Id, passage);
            }

            articles.Add(article);
        }

        return new ContentLoadResult(articles, problems);
    }
}
