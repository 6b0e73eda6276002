namespace FaqBot.Content;

/// <summary>The articles that loaded, and the problems that stopped the others.</summary>
/// <param name="Articles">Articles without problems, in file-name order.</param>
/// <param name="Problems">Everything wrong, in file-name order then line order. An article file with any problem is not in <paramref name="Articles"/>; a problem in a questions file only drops the broken entry.</param>
public sealed record ContentLoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>The articles that loaded.</summary>
    public IReadOnlyList<Article> Articles
    {
        get;
        // Recomputed here so that a `with { Articles = ... }` copy cannot keep stale passages.
        init
        {
            field = value;
            Passages = Flatten(value);
        }
    } = Articles;

    /// <summary>All passages of <see cref="Articles"/>, in file-name order then document order.</summary>
    public IReadOnlyList<Passage> Passages { get; private init; } = Flatten(Articles);

    private static Passage[] Flatten(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles.SelectMany(a => a.Passages)];
    }
}
