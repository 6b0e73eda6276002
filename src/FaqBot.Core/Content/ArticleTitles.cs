namespace FaqBot.Content;

/// <summary>Which of an article's titles a patient is shown: its own, never the search-engine pitch of <c>metaTitle</c>.</summary>
internal static class ArticleTitles
{
    /// <summary>Separators between an SEO title's subject and its pitch ("Iskias – Hvad er iskias? Læs om …").</summary>
    private static readonly string[] PitchSeparators = [" – ", " — ", " - ", " | "];

    /// <summary>
    /// Front matter <c>title</c>, else the <c>#</c> heading, else the subject that opens <c>metaTitle</c> (the part
    /// before its first dash or bar); null when the article has none of them.
    /// </summary>
    public static string? Shown(FrontMatter frontMatter, string? titleHeading)
    {
        if (!string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            return frontMatter.Title;
        }

        if (!string.IsNullOrWhiteSpace(titleHeading))
        {
            return titleHeading;
        }

        if (string.IsNullOrWhiteSpace(frontMatter.MetaTitle))
        {
            return null;
        }

        var metaTitle = frontMatter.MetaTitle.Trim();
        var cut = PitchSeparators.Select(separator => metaTitle.IndexOf(separator, StringComparison.Ordinal))
            .Where(index => index > 0)
            .DefaultIfEmpty(metaTitle.Length)
            .Min();
        return metaTitle[..cut].Trim();
    }
}
