namespace FaqBot.Benchmarks;

/// <summary>Finds the repository's content folder from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class ContentFolder
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FaqBot.sln")))
                {
                    return Path.Combine(dir.FullName, "content");
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from within the FaqBot repository.");
    }
}
