using FaqBot.Cli;
using FaqBot.Content;

namespace FaqBot.Tests.Cli;

/// <summary><c>faqbot check</c> tells the editor whether the clinic's practical facts are written yet.</summary>
public sealed class CheckClinicFactsTests
{
    [Fact]
    public void Check_ShippedContent_NotesTheFactsAreNotWrittenAndPasses()
    {
        var (exit, output) = Check(ContentTestFiles.ContentDirectory);

        Assert.Equal(0, exit);
        Assert.Contains("note: clinic/praktisk.md has no practical facts yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WrittenFacts_CountsTheirPassagesWithoutTheNote()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        content.Write(Path.Combine(ClinicFacts.Folder, ClinicFacts.FileName), "---\ntitle: Praktisk\n---\n\n## Hvor kan jeg parkere?\n\nI gården.\n");

        var (exit, output) = Check(content.Path);

        Assert.Equal(0, exit);
        Assert.Contains("OK: 3 article(s)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no practical facts", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Check(string directory)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(["check", directory], new StringReader(""), output, new StringWriter());
        return (exit, output.ToString());
    }
}
