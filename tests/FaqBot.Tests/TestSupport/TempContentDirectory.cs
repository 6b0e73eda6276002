using System.Text;

namespace FaqBot.Tests.TestSupport;

/// <summary>A temporary directory (content, rules, lexicons), deleted after the test.</summary>
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

    /// <summary>A writable copy of the shipped content, to break one file of.</summary>
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
