using System.Text;

namespace FaqBot.Tests.Content;

/// <summary>Paths of the real content and a scratch directory for bad-content cases.</summary>
internal static class ContentTestFiles
{
    /// <summary>The repository's <c>content/</c> folder, found from the test output upwards so tests read the real articles.</summary>
    public static string ContentDirectory => Path.Combine(RepositoryRoot(), "content");

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FaqBot.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A temporary content directory, deleted after the test.</summary>
internal sealed class TempContentDirectory : IDisposable
{
    public const string GoodArticle = """
        ---
        title: God artikel
        ---

        Indledning.

        ## Et afsnit

        Tekst.
        """;

    public string Path { get; } = Directory.CreateTempSubdirectory("faqbot-content-").FullName;

    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A writable copy of the shipped content, to break or remove one file of.</summary>
    public static TempContentDirectory CopyOfShippedContent()
    {
        var copy = new TempContentDirectory();
        foreach (var file in Directory.EnumerateFiles(ContentTestFiles.ContentDirectory, "*", SearchOption.AllDirectories))
        {
            copy.WriteBytes(System.IO.Path.GetRelativePath(ContentTestFiles.ContentDirectory, file), File.ReadAllBytes(file));
        }

        return copy;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
