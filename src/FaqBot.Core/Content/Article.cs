namespace FaqBot.Content;

/// <summary>One clinic article, split into passages.</summary>
/// <param name="Id">The file stem, e.g. <c>iskias</c>.</param>
/// <param name="Title">Front matter <c>title</c>, else <c>metaTitle</c>, else the first <c>#</c> heading.</param>
/// <param name="DatePublished">Front matter <c>datePublished</c>, if given.</param>
/// <param name="LastUpdated">Front matter <c>lastUpdated</c>, if given.</param>
/// <param name="SourcePath">The file it was read from.</param>
/// <param name="Passages">Its passages in document order.</param>
public sealed record Article(
    string Id,
    string Title,
    DateOnly? DatePublished,
    DateOnly? LastUpdated,
    string SourcePath,
    IReadOnlyList<Passage> Passages)
{
    /// <summary>The Markdown after the front matter, as written: the article's own page is rendered from it.</summary>
    public string Body { get; init; } = "";

    /// <summary>1-based file line of <see cref="Body"/>'s first line, to find each passage's heading in it.</summary>
    public int BodyFirstLine { get; init; } = 1;
}
