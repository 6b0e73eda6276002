namespace FaqBot.Content;

/// <summary>The front matter fields the loader uses; other keys (images, SEO) are ignored.</summary>
internal sealed record FrontMatter(string? Title, string? MetaTitle, DateOnly? DatePublished, DateOnly? LastUpdated)
{
    public static readonly FrontMatter None = new(null, null, null, null);
}

/// <summary>A file split at its front matter.</summary>
/// <param name="FrontMatter">The parsed fields (<see cref="FrontMatter.None"/> when the file has none).</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyFirstLine">1-based file line of the body's first line.</param>
internal sealed record FrontMatterSplit(FrontMatter FrontMatter, string Body, int BodyFirstLine);
