using System.Text;

namespace FaqBot.Tests.TestSupport;

/// <summary>Paths of the real content and the test data.</summary>
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
