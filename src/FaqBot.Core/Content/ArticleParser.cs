namespace FaqBot.Content;

/// <summary>Turns one file's text into an <see cref="Article"/>: front matter, title, passages and their ids.</summary>
internal static class ArticleParser
{
    /// <returns>The article, or <see langword="null"/> when anything is wrong (all of it is added to <paramref name="problems"/>).</returns>
    public static Article? Parse(string path, string text, ICollection<ContentProblem> problems)
    {
        var problemsBefore = problems.Count;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new ContentProblem(path, 1, "the file is empty"));
            return null;
        }

        var split = FrontMatterReader.Read(path, text, problems);
        if (split is null)
        {
            return null;
        }

        var frontMatterBroken = problems.Count > problemsBefore;
        var outline = MarkdownArticleParser.Parse(path, split.Body, split.BodyFirstLine, problems);
        var title = split.FrontMatter.Title ?? split.FrontMatter.MetaTitle ?? outline.TitleHeading;
        if (string.IsNullOrEmpty(title) && !frontMatterBroken)
        {
            problems.Add(new ContentProblem(path, 1, "the article has no title; add 'title' (or 'metaTitle') to the front matter, or a '#' heading"));
        }

        title ??= "";
        var shownTitle = ArticleTitles.Shown(split.FrontMatter, outline.TitleHeading) ?? title;

        if (outline.Sections.Count == 0)
        {
            problems.Add(new ContentProblem(path, 1, "the article has no text to answer from: no intro and no '##' sections"));
        }

        var articleId = Path.GetFileNameWithoutExtension(path);
        var passages = new List<Passage>();
        var lineById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in outline.Sections)
        {
            var slug = section.Kind == PassageKind.Intro ? "intro" : PassageSlug.FromHeading(section.Title);
            if (slug.Length == 0)
            {
                problems.Add(new ContentProblem(path, section.Line,
                    $"the heading '{section.Title}' has no letters or digits to make a passage id from"));
                continue;
            }

            var id = $"{articleId}#{slug}";
            if (!lineById.TryAdd(id, section.Line))
            {
                problems.Add(new ContentProblem(path, section.Line,
                    $"duplicate passage id '{id}', also at {path}:{lineById[id]}; give one of the headings other words"));
                continue;
            }

            var passageTitle = section.Kind == PassageKind.Intro ? title : section.Title;
            passages.Add(new Passage(id, articleId, title, passageTitle, section.Text, section.Kind, path, section.Line) { ArticleShownTitle = shownTitle });
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        var frontMatter = split.FrontMatter;
        return new Article(articleId, title, frontMatter.DatePublished, frontMatter.LastUpdated, path, passages)
        {
            Body = split.Body,
            BodyFirstLine = split.BodyFirstLine,
        };
    }
}
