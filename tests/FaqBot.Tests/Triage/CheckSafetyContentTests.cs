using FaqBot.Cli;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Triage;

public sealed class CheckSafetyContentTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faqbot-check-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void CheckReportsBrokenSafetyAndConversationFilesWithFileAndLine()
    {
        CopyDirectory(ContentTestFiles.ContentDirectory, _directory);
        var rules = Path.Combine(_directory, "safety", "red-flags.txt");
        File.AppendAllText(rules, "\n[trauma2]\nurgency: today\n(faldt + ryg\n");
        var lineOfBrokenRule = File.ReadAllLines(rules).Length;
        var smallTalk = Path.Combine(_directory, "conversation", "small-talk.txt");
        File.AppendAllText(smallTalk, "\n[weather]\nDet ved jeg ikke noget om.\n");
        var output = new StringWriter();

        var exit = CliApp.Run(["check", _directory], new StringReader(""), output, new StringWriter());

        Assert.Equal(1, exit);
        Assert.Contains($"{rules}:{lineOfBrokenRule}: unbalanced parentheses", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("small talk '[weather]' has no 'match:' line", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckReportsAMisspeltPlaceholderInTheUrgentAdvice()
    {
        CopyDirectory(ContentTestFiles.ContentDirectory, _directory);
        var advice = Path.Combine(_directory, "safety", "urgent-advice.txt");
        File.AppendAllText(advice, "\n[nightPain2]\nKontakt {laegevagt} i dag.\n");
        var line = File.ReadAllLines(advice).Length - 1;
        var output = new StringWriter();

        var exit = CliApp.Run(["check", _directory], new StringReader(""), output, new StringWriter());

        Assert.Equal(1, exit);
        Assert.Contains($"{advice}:{line}: advice '[nightPain2]' has the unknown placeholder '{{laegevagt}}'", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("'{lægevagt}'", output.ToString(), StringComparison.Ordinal);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
