using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

public sealed class RedFlagRuleParserTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faqbot-rules-" + Guid.NewGuid().ToString("N"));

    public RedFlagRuleParserTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReportsEachProblemWithFileAndLine()
    {
        var path = Write("""
            # comment
            [caudaEquina]
            urgency: emergency
            ikke + mærke + (skridt | sked*
            (følelsesløs* | numb*) + (skridt* | groin) ~6
            [Bad Kind]
            urgency: today
            feber
            [trauma]
            urgency: soon
            fa*l + ryg
            (faldt) + (ryg | lænd*) + (hårdt) ~2
            [nightPain]
            urgency: today
            """);

        var rules = RedFlagRuleParser.Load(path);
        var problems = rules.Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith($"{path}:4: unbalanced parentheses", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:6: 'Bad Kind' is not a kind name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:10: urgency must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:11: 'fa*l' is not a word", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:12: window ~2 is shorter", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:13: kind 'nightPain' has no rules", StringComparison.Ordinal));
        Assert.Single(rules.Rules);
        Assert.Equal($"{path}:5", rules.Rules[0].Source);
    }

    [Fact]
    public void CombinationAndExceptionRulesWork()
    {
        var path = Write("""
            [weightLoss]
            urgency: today
            (tabt | tabe) + (kilo* | kg) ~4 && (ryg* | lænd*) unless (slankekur | diæt)
            """);
        var detector = new RedFlagDetector(RedFlagRuleParser.Load(path));

        Assert.NotEmpty(detector.Detect("Jeg har tabt 6 kilo. Ryggen gør ondt.").Kinds);
        Assert.Empty(detector.Detect("Jeg har tabt 6 kilo.").Kinds);
        Assert.Empty(detector.Detect("Jeg har tabt 6 kilo på slankekur. Ryggen gør ondt.").Kinds);
    }

    [Fact]
    public void IdiomWordsNeverCountButTheSameWordElsewhereDoes()
    {
        var path = Write("""
            [idioms]
            hænger sammen | hænger det sammen
            [legWeakness]
            urgency: today
            (fod* | ben | benet) + (hænger | slasker) ~8
            """);
        var rules = RedFlagRuleParser.Load(path);
        var detector = new RedFlagDetector(rules);

        Assert.Empty(rules.Problems);
        Assert.Empty(detector.Detect("Det jager ned i benet, hænger det sammen med iskias?").Kinds);
        Assert.NotEmpty(detector.Detect("Foden hænger når jeg går, hænger det sammen med iskias?").Kinds);
    }

    [Fact]
    public void AnIdiomLineIsPhrasesOnly()
    {
        var path = Write("""
            [idioms]
            hænger + sammen
            """);
        Assert.Contains(RedFlagRuleParser.Load(path).Problems, p => p.Line == 2 && p.Message.Contains("phrases separated by '|'", StringComparison.Ordinal));
    }

    [Fact]
    public void WordsMatchInflectionsTyposAndMissingDanishLetters()
    {
        var path = Write("""
            [caudaEquina]
            urgency: emergency
            ikke + mærke + (skridt* | toiletbræt*) ~6
            """);
        var detector = new RedFlagDetector(RedFlagRuleParser.Load(path));

        Assert.NotEmpty(detector.Detect("kan ik mearke toiletbraettet").Kinds);
        Assert.NotEmpty(detector.Detect("Jeg kunne ikke mærke skridtet").Kinds);
        Assert.Empty(detector.Detect("Jeg kan mærke skridtet fint").Kinds);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "red-flags.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
