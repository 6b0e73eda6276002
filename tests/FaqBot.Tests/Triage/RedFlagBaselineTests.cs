using System.Text;
using FaqBot.Tests.Content;
using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

/// <summary>
/// Every message of every red-flag set and every question of every QA set keeps the kinds it is detected with
/// (<c>Data/redflag-kinds-baseline.tsv</c>), so a rewrite of the rule file that should change nothing provably
/// changes nothing. A deliberate change of the rules regenerates the file (<c>FAQBOT_UPDATE_REDFLAG_BASELINE=1</c>)
/// and its diff shows every message that moved.
/// </summary>
[Trait("Category", "Content")]
public sealed class RedFlagBaselineTests
{
    // The checked-in file itself, so a regenerated baseline is what the next run compares with.
    private static string BaselinePath =>
        Path.Combine(ContentTestFiles.RepositoryRoot(), "tests", "FaqBot.Tests", "Data", "redflag-kinds-baseline.tsv");

    [Fact]
    public void EveryMessageKeepsItsDetectedKinds()
    {
        var detector = new RedFlagDetector(SafetyContent.Load(ContentTestFiles.ContentDirectory).Rules);
        var actual = new StringBuilder("file\tline\tkinds\n");
        var files = MessageFiles().ToList();
        Assert.Equal(39, files.Count);
        foreach (var file in MessageFiles())
        {
            var lines = File.ReadAllLines(ContentTestFiles.DataFile(file));
            for (var i = 1; i < lines.Length; i++)
            {
                var message = lines[i].Split('\t')[0];
                if (message.Trim().Length == 0 || message.StartsWith('#'))
                {
                    continue;
                }

                var kinds = detector.Detect(message).Kinds.Order(StringComparer.Ordinal).ToList();
                actual.Append(file).Append('\t').Append(i + 1).Append('\t')
                    .Append(kinds.Count == 0 ? "-" : string.Join(',', kinds)).Append('\n');
            }
        }

        if (Environment.GetEnvironmentVariable("FAQBOT_UPDATE_REDFLAG_BASELINE") == "1")
        {
            File.WriteAllText(BaselinePath, actual.ToString());
        }

        var expected = File.ReadAllLines(BaselinePath);
        var changed = expected.Zip(actual.ToString().TrimEnd('\n').Split('\n'))
            .Where(pair => pair.First != pair.Second)
            .Select(pair => $"{pair.First} -> {pair.Second}")
            .ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} message(s) changed kinds:\n" + string.Join('\n', changed.Take(40)));
        Assert.Equal(expected.Length, actual.ToString().TrimEnd('\n').Split('\n').Length);
    }

    private static IEnumerable<string> MessageFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data"), "*.tsv", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Data"), path).Replace('\\', '/'))
            .Where(name => name.Contains("redflags", StringComparison.Ordinal) || name.Contains("qa", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
