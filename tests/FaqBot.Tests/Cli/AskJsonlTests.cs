using System.Text.Json;
using FaqBot.Cli;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Cli;

public sealed class AskJsonlTests
{
    [Fact]
    public void JsonlCarriesRedFlagFields()
    {
        var input = new StringReader("Jeg kan ikke holde på vandet og har iskias\nHjælper øvelser mod iskias?\n");
        var output = new StringWriter();

        var exit = CliApp.Run(["ask", "--jsonl", "--content", ContentTestFiles.ContentDirectory], input, output, new StringWriter());

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var flagged = JsonDocument.Parse(lines[0]);
        Assert.True(flagged.RootElement.GetProperty("redFlag").GetBoolean());
        Assert.Equal("caudaEquina", flagged.RootElement.GetProperty("redFlags")[0].GetString());
        using var plain = JsonDocument.Parse(lines[1]);
        Assert.False(plain.RootElement.GetProperty("redFlag").GetBoolean());
        Assert.Equal(0, plain.RootElement.GetProperty("redFlags").GetArrayLength());
    }

    [Fact]
    public void EvalRedFlagsExitsNonZeroBelowTarget()
    {
        var output = new StringWriter();
        var ok = CliApp.Run(
            ["eval-redflags", ContentTestFiles.DataFile("dev-redflags.tsv"), "--content", ContentTestFiles.ContentDirectory, "--min-recall", "1", "--max-false-alarms", "0.1"],
            new StringReader(""), output, new StringWriter());

        Assert.Equal(0, ok);
        Assert.Contains("recall 100", output.ToString(), StringComparison.Ordinal);
    }
}
