using System.Text.Json;
using FaqBot.Cli;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Cli;

/// <summary>The CLI as a user runs it: exit codes and exactly what lands on stdout.</summary>
public sealed class CliCommandTests
{
    private static (int Exit, string Output, string Error) Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, new StringReader(input), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void AskJsonlWritesOneObjectPerQuestionWithEveryField()
    {
        var (exit, output, _) = Run("Hjælper øvelser mod iskias?\nHvad koster en behandling hos jer?\nhej\n", "ask", "--jsonl", "--content", ContentTestFiles.ContentDirectory);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var fields = new[] { "question", "kind", "passageId", "title", "score", "redFlag", "redFlags", "text" };
        var documents = lines.Select(line => JsonDocument.Parse(line)).ToList();
        foreach (var document in documents)
        {
            Assert.Equal(fields, document.RootElement.EnumerateObject().Select(p => p.Name));
        }

        var answer = documents[0].RootElement;
        Assert.Equal("answer", answer.GetProperty("kind").GetString());
        Assert.Equal("iskias#hjaelper-oevelser-mod-iskias-smerter", answer.GetProperty("passageId").GetString());
        Assert.InRange(answer.GetProperty("score").GetDouble(), 0, 1);

        var noMatch = documents[1].RootElement;
        Assert.Equal("noMatch", noMatch.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, noMatch.GetProperty("passageId").ValueKind);
        Assert.Equal(JsonValueKind.Null, noMatch.GetProperty("score").ValueKind);

        Assert.Equal("smallTalk", documents[2].RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void AskPrintsTheReplyAPatientReads()
    {
        var (exit, output, _) = Run("", "ask", "--content", ContentTestFiles.ContentDirectory, "Hjælper", "øvelser", "mod", "iskias?");
        Assert.Equal(0, exit);
        // Plain text, not Markdown: no bold markers, and the link as "text (address)".
        Assert.StartsWith("Hjælper øvelser mod iskias-smerter?\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("**", output, StringComparison.Ordinal);
        Assert.DoesNotContain("](", output, StringComparison.Ordinal);
        // By default the link is the bot's own article page.
        Assert.Contains("Læs hele afsnittet (/artikler/iskias#hjaelper-oevelser-mod-iskias-smerter)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AskJsonlWritesExactlyOneLinePerInputLineBlankLinesToo()
    {
        var (exit, output, _) = Run("hej\n\n   \nHjælper øvelser mod iskias?\n", "ask", "--jsonl", "--content", ContentTestFiles.ContentDirectory);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal(["hej", "", "   ", "Hjælper øvelser mod iskias?"], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()));
    }

    [Theory]
    [InlineData("chek")]
    [InlineData("asks")]
    [InlineData("serve")]
    public void AnUnknownCommandExits2WithTheUsageAndDoesNotStartTheServer(string command)
    {
        var (exit, output, error) = Run("", command);

        Assert.False(CliApp.RunsServer([command]));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"unknown command '{command}'", error, StringComparison.Ordinal);
        Assert.Contains("Usage: faqbot", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, true)]
    [InlineData(new[] { "--content", "/srv/content" }, true)]
    [InlineData(new[] { "--help" }, false)]
    [InlineData(new[] { "check" }, false)]
    public void OnlyOptionsOrNothingStartTheServer(string[] args, bool server) => Assert.Equal(server, CliApp.RunsServer(args));

    [Fact]
    public void TheHelpListsEveryOptionThatExistsAndNoneThatDoesNot()
    {
        var (exit, output, _) = Run("", "help");
        string[] exists = [.. AskCommand.Options, .. EvalCommand.Options, .. EvalRedFlagsCommand.Options, .. EvalRedFlagsLosoCommand.Options, .. TrainTriageCommand.Options, .. CheckCommand.Options, .. RulesCommand.Options, .. TeamsPackageCommand.Options, .. CliApp.ServerOptions];

        var listed = System.Text.RegularExpressions.Regex.Matches(output, @"--([a-z][a-z-]*)").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(0, exit);
        Assert.Empty(exists.Except(listed));
        Assert.Empty(listed.Except(exists).Except(["help"]));
        Assert.All(EvalCommand.Features, feature => Assert.Contains(feature, output, StringComparison.Ordinal));
        Assert.All(EvalCommand.Parameters, parameter => Assert.Contains(parameter + "=", output, StringComparison.Ordinal));
    }

    [Fact]
    public void AskRefusesToAnswerWithoutTheSafetyContent()
    {
        using var content = new TempContentDirectory();
        content.Write("artikel.md", TempContentDirectory.GoodArticle);

        var (exit, output, error) = Run("", "ask", "--content", content.Path, "hej");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("red-flags.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTakesTheFolderAsContentOptionToo()
    {
        var (exit, output, _) = Run("", "check", "--content", ContentTestFiles.ContentDirectory);
        Assert.Equal(0, exit);
        Assert.StartsWith("OK: 2 article(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AskWithoutAQuestionIsAUsageError()
    {
        var (exit, _, error) = Run("", "ask", "--content", ContentTestFiles.ContentDirectory);
        Assert.Equal(2, exit);
        Assert.Contains("ask needs a question", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalFollowUps_FollowUpSet_ReportsBothFiguresAndFailsBelowMin()
    {
        var file = ContentTestFiles.DataFile(Path.Combine("new-articles", "followups.tsv"));
        var passing = Run("", "eval-followups", file, "--content", ContentTestFiles.ContentDirectory, "--min", "0.1", "--rows");
        var failing = Run("", "eval-followups", file, "--content", ContentTestFiles.ContentDirectory, "--min", "0.99");

        Assert.Equal(0, passing.Exit);
        Assert.Contains("30 exchanges; follow-up after its first turn", passing.Output, StringComparison.Ordinal);
        Assert.Contains("read alone", passing.Output, StringComparison.Ordinal);
        Assert.Contains("(alone ", passing.Output, StringComparison.Ordinal);
        Assert.Equal(1, failing.Exit);
        Assert.Contains("FAIL: ", failing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalReportsTheFiguresAndFailsBelowMin()
    {
        var file = ContentTestFiles.DataFile("dev-qa.tsv");
        var passing = Run("", "eval", file, "--content", ContentTestFiles.ContentDirectory, "--min", "0.5");
        var failing = Run("", "eval", file, "--content", ContentTestFiles.ContentDirectory, "--min", "0.99");

        Assert.Equal(0, passing.Exit);
        Assert.Contains("in-scope top-1 (answered)", passing.Output, StringComparison.Ordinal);
        Assert.Contains("MRR@5", passing.Output, StringComparison.Ordinal);
        Assert.Contains("NONE declined", passing.Output, StringComparison.Ordinal);
        Assert.Contains("english", passing.Output, StringComparison.Ordinal);
        Assert.Equal(1, failing.Exit);
        Assert.Contains("FAIL: overall", failing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalCanSwitchEveryAdditionOff()
    {
        var (exit, output, _) = Run("", "eval", ContentTestFiles.DataFile("dev-qa.tsv"), "--content", ContentTestFiles.ContentDirectory, "--without", "all");
        Assert.Equal(0, exit);
        Assert.Contains("overall", output, StringComparison.Ordinal);

        var unknown = Run("", "eval", ContentTestFiles.DataFile("dev-qa.tsv"), "--without", "magic");
        Assert.Equal(2, unknown.Exit);
    }

    [Fact]
    public void EvalNamesTheLineOfAMalformedRow()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("faqbot-eval-").FullName, "bad.tsv");
        File.WriteAllText(file, "question\texpected\tstyle\nHvad er iskias?\tiskias#intro\tplain\nno tab here\n");
        var (exit, _, error) = Run("", "eval", file, "--content", ContentTestFiles.ContentDirectory);
        Assert.Equal(1, exit);
        Assert.Contains("bad.tsv:3", error, StringComparison.Ordinal);
    }

    [Fact]
    // Trains the learned second opinion end to end, seconds of CPU: left out of the quick unit run.
    [Trait("Category", "Integration")]
    public void EvalRedflagsLosoScoresEachHeldOutSetWithAndWithoutTheClassifierAndPrintsNoMessage()
    {
        var folder = Directory.CreateTempSubdirectory("faqbot-loso-").FullName;
        foreach (var name in new[] { "dev-redflags.tsv", "extra-redflags.tsv", "extra-redflags-2.tsv", "dev-qa.tsv", "extra-qa.tsv" })
        {
            File.Copy(ContentTestFiles.DataFile(name), Path.Combine(folder, name));
        }

        var (exit, output, _) = Run("", "eval-redflags-loso", folder, "--content", ContentTestFiles.ContentDirectory);

        Assert.Equal(0, exit);
        Assert.Contains("dev-redflags", output, StringComparison.Ordinal);
        Assert.Contains("extra-redflags", output, StringComparison.Ordinal);
        Assert.Contains("mean recall: rules ", output, StringComparison.Ordinal);
        Assert.Contains("worst false alarms: rules ", output, StringComparison.Ordinal);
        var firstMessage = File.ReadAllLines(ContentTestFiles.DataFile("dev-redflags.tsv"))[1].Split('\t')[0];
        Assert.DoesNotContain(firstMessage[..30], output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalRedflagsLosoWithoutAFolderIsAUsageError() =>
        Assert.Equal(2, Run("", "eval-redflags-loso").Exit);

    [Fact]
    public void CheckPassesTheShippedContent()
    {
        var (exit, output, _) = Run("", "check", ContentTestFiles.ContentDirectory);
        Assert.Equal(0, exit);
        Assert.StartsWith("OK: 2 article(s), 20 passage(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckNamesAFailingExampleBesideTheRulesWithFileAndLine()
    {
        using var content = new TempContentDirectory();
        foreach (var file in Directory.GetFiles(ContentTestFiles.ContentDirectory, "*", SearchOption.AllDirectories))
        {
            content.WriteBytes(Path.GetRelativePath(ContentTestFiles.ContentDirectory, file), File.ReadAllBytes(file));
        }

        var rules = Path.Combine(content.Path, "safety", "red-flags.txt");
        File.AppendAllText(rules, "\nexample: jeg har det fint i dag\n");
        var line = File.ReadAllLines(rules).Length;

        var (exit, output, _) = Run("", "check", content.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"{rules}:{line}: example is not flagged as nightPain: \"jeg har det fint i dag\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesPrintsEachKindInPlainWordsWithConceptsAndExamples()
    {
        var (exit, output, _) = Run("", "rules", "--content", ContentTestFiles.ContentDirectory);

        Assert.Equal(0, exit);
        Assert.Contains("## cauda equina (`caudaEquina`)", output, StringComparison.Ordinal);
        Assert.Contains("Urgency: **emergency**", output, StringComparison.Ordinal);
        Assert.Contains("- [cannot feel] and ([saddle area] / [wiping]", output, StringComparison.Ordinal);
        Assert.Contains("- flagged: \"Jeg kan ikke mærke min lyske\"", output, StringComparison.Ordinal);
        Assert.Contains("- **[saddle area]** (`@saddleArea`): (skridt* / ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOfAMissingFolderFails()
    {
        var (exit, _, error) = Run("", "check", "/no/such/folder");
        Assert.Equal(1, exit);
        Assert.Contains("no such folder", error, StringComparison.Ordinal);
    }

    [Fact]
    // Trains the learned second opinion end to end, seconds of CPU: left out of the quick unit run.
    [Trait("Category", "Integration")]
    public void TrainTriageSmallSetsWritesTheModelThatLoads()
    {
        var data = Directory.CreateTempSubdirectory("faqbot-train-");
        foreach (var name in new[] { "dev-redflags.tsv", "extra-redflags.tsv", "dev-qa.tsv" })
        {
            File.Copy(ContentTestFiles.DataFile(name), Path.Combine(data.FullName, name));
        }

        var model = Path.Combine(data.FullName, "model");
        var (exit, output, _) = Run("", "train-triage", data.FullName, "--content", ContentTestFiles.ContentDirectory, "--output", model);

        Assert.Equal(0, exit);
        Assert.StartsWith($"wrote {model}: threshold ", output, StringComparison.Ordinal);
        Assert.Equal(FaqBot.Triage.Learned.LearnedTriageState.Ready, FaqBot.Triage.Learned.LearnedSecondOpinion.LoadNow(model).State);
        data.Delete(recursive: true);
    }

    [Fact]
    public void TrainTriageWithoutAFolderUsageError() =>
        Assert.Equal(2, Run("", "train-triage").Exit);

    [Fact]
    public void CheckModelMissingWarnsNamingItAndPasses()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        var model = Path.Combine(content.Path, "safety", "model");
        Directory.Delete(model, recursive: true);

        var (exit, output, _) = Run("", "check", content.Path);

        Assert.Equal(0, exit);
        Assert.Contains($"warning: {model}: no learned triage model", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckModelBrokenFailsNamingIt()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        var model = Path.Combine(content.Path, "safety", "model");
        File.WriteAllText(Path.Combine(model, "threshold.txt"), "threshold: many\n");

        var (exit, output, _) = Run("", "check", content.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"{model}: the learned triage model cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalRedflagsLearnedOnAndOffListsOnlyTheRowsTheSecondOpinionAdds()
    {
        var file = ContentTestFiles.DataFile("extra-redflags-15.tsv");

        var (_, on, _) = Run("", "eval-redflags", file, "--content", ContentTestFiles.ContentDirectory);
        var (_, off, _) = Run("", "eval-redflags", file, "--content", ContentTestFiles.ContentDirectory, "--learned", "off");

        Assert.Contains("LEARNED      [", on, StringComparison.Ordinal);
        Assert.Contains("the learned second opinion adds ", on, StringComparison.Ordinal);
        Assert.DoesNotContain("LEARNED", off, StringComparison.Ordinal);
        var missesOn = on.Split('\n').Count(l => l.StartsWith("MISS", StringComparison.Ordinal));
        var missesOff = off.Split('\n').Count(l => l.StartsWith("MISS", StringComparison.Ordinal));
        var added = on.Split('\n').Count(l => l.StartsWith("LEARNED      [", StringComparison.Ordinal) && l.Contains("] REDFLAG", StringComparison.Ordinal));
        Assert.Equal(missesOff - added, missesOn);
    }

    [Fact]
    public void AskLearnedNeitherOnNorOffUsageError() =>
        Assert.Equal(2, Run("", "ask", "hej", "--content", ContentTestFiles.ContentDirectory, "--learned", "maybe").Exit);

    [Fact]
    public void ProbeWhereNothingListensExitsOne()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _, error) = Run("", "probe", $"http://127.0.0.1:{port}/healthz");

        Assert.Equal(1, exit);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbeWithoutAUrlUsageError() => Assert.Equal(2, Run("", "probe", "healthz").Exit);
}
