namespace FaqBot.Content;

/// <summary>What kind of Markdown element a passage came from.</summary>
public enum PassageKind
{
    /// <summary>The text before an article's first heading.</summary>
    Intro,
    /// <summary>A <c>##</c> section.</summary>
    Section,
    /// <summary>A <c>###</c> question under an FAQ heading: the heading is the question, the body its answer.</summary>
    FaqItem,
}

/// <summary>One answerable unit of an article.</summary>
/// <param name="Id"><c>&lt;file-stem&gt;#&lt;slug&gt;</c>, e.g. <c>iskias#intro</c>.</param>
/// <param name="ArticleId">The article's file stem.</param>
/// <param name="ArticleTitle">The article's title (front matter <c>title</c>, else <c>metaTitle</c>).</param>
/// <param name="Title">The heading (or FAQ question); for the intro, the article title.</param>
/// <param name="Text">The answer text as Markdown: image lines dropped, links kept.</param>
/// <param name="Kind">Where in the article it came from.</param>
/// <param name="SourcePath">The file it was read from.</param>
/// <param name="Line">1-based line of its heading (or of the first text line for the intro).</param>
public sealed record Passage(
    string Id,
    string ArticleId,
    string ArticleTitle,
    string Title,
    string Text,
    PassageKind Kind,
    string SourcePath,
    int Line)
{
    /// <summary>
    /// Other ways patients ask for this passage, written by the editor in <c>questions/&lt;article&gt;.yml</c>
    /// (see <see cref="AlternativeQuestionsReader"/>); searched nearly like the title and matched whole like it.
    /// </summary>
    public IReadOnlyList<string> AlternativeQuestions { get; init; } = [];

    /// <summary>
    /// The article's title as a patient sees it in a citation or an intro's heading (see
    /// <see cref="ArticleTitles.Shown"/>); <see cref="ArticleTitle"/> stays what search weighs.
    /// </summary>
    public string ArticleShownTitle { get => field ?? ArticleTitle; init; }
}
