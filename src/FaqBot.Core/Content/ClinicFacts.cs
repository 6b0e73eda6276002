using Markdig;
using Markdig.Syntax;

namespace FaqBot.Content;

/// <summary>
/// The clinic's practical facts (booking, prices, opening hours, address, parking, phone, referral) in
/// <c>clinic/praktisk.md</c>: an article like the others, whose <c>##</c> sections answer those questions. It ships
/// with only a commented-out example; until the clinic writes a section, the file is not loaded and those questions are
/// declined with the clinic's contact details.
/// </summary>
public static class ClinicFacts
{
    /// <summary>The folder within the content folder.</summary>
    public const string Folder = "clinic";

    /// <summary>The file's name; its stem is the article id, so its page is <c>/artikler/praktisk</c>.</summary>
    public const string FileName = "praktisk.md";

    /// <summary>The facts file under <paramref name="contentDirectory"/>, whether or not it exists.</summary>
    public static string PathIn(string contentDirectory) => Path.Combine(contentDirectory, Folder, FileName);

    /// <summary>
    /// Whether the facts file exists and says something: a file holding only front matter, blank lines and HTML
    /// comments (the shipped example) is not yet written.
    /// </summary>
    public static bool IsWritten(string contentDirectory)
    {
        var path = PathIn(contentDirectory);
        if (!File.Exists(path))
        {
            return false;
        }

        // Unreadable or broken files count as written, so the loader reports what is wrong with them.
        var problems = new List<ContentProblem>();
        if (ContentFileReader.TryRead(path, problems) is not { } text || FrontMatterReader.Read(path, text, problems) is not { } split)
        {
            return true;
        }

        return Markdown.Parse(split.Body).Any(block => block is not HtmlBlock { Type: HtmlBlockType.Comment });
    }
}
