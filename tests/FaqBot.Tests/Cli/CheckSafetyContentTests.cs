using FaqBot.Cli;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Cli;

public sealed class CheckSafetyContentTests : IDisposable
{
    private readonly TempContentDirectory _content = TempContentDirectory.CopyOfShippedContent();

    private string _directory => _content.Path;

    public void Dispose() => _content.Dispose();

    [Fact]
    public void CheckReportsBrokenSafetyAndConversationFilesWithFileAndLine()
    {
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
        var advice = Path.Combine(_directory, "safety", "urgent-advice.txt");
        File.AppendAllText(advice, "\n[nightPain2]\nKontakt {laegevagt} i dag.\n");
        var line = File.ReadAllLines(advice).Length - 1;
        var output = new StringWriter();

        var exit = CliApp.Run(["check", _directory], new StringReader(""), output, new StringWriter());

        Assert.Equal(1, exit);
        Assert.Contains($"{advice}:{line}: advice '[nightPain2]' has the unknown placeholder '{{laegevagt}}'", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("'{lægevagt}'", output.ToString(), StringComparison.Ordinal);
    }
}
