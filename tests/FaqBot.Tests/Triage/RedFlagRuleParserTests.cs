using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

public sealed class RedFlagRuleParserTests : IDisposable
{
    private readonly TempContentDirectory _scratch = new();

    private string _directory => _scratch.Path;

    public void Dispose() => _scratch.Dispose();

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

    [Fact]
    public void ConceptsExpandIntoTheRulesThatNameThem()
    {
        var path = Write("""
            [concepts]
            @saddleArea = skridt* | lyske*
              | der hvor man sidder | groin
            @cannotFeel = (ikke | svært) + (mærke | feel)
            @backOrLeg = ryg* | ben | benet
            [caudaEquina]
            urgency: emergency
            @cannotFeel + @saddleArea ~10
            [feverOrUnwell]
            urgency: today
            kastet op
            context: @backOrLeg
            (feber | fever)
            """);
        var rules = RedFlagRuleParser.Load(path);
        var detector = new RedFlagDetector(rules);

        Assert.Empty(rules.Problems);
        Assert.Equal(["saddleArea", "cannotFeel", "backOrLeg"], rules.Concepts.Select(c => c.Name));
        Assert.Contains("caudaEquina", detector.Detect("jeg kan ikke mærke min lyske").Kinds);
        Assert.Contains("caudaEquina", detector.Detect("jeg kan ikke mærke noget der hvor man sidder").Kinds);
        Assert.Contains("caudaEquina", detector.Detect("I can't feel my groin").Kinds);
        Assert.Empty(detector.Detect("jeg kan godt mærke skridtet").Kinds);
        Assert.Contains("feverOrUnwell", detector.Detect("jeg har kastet op").Kinds);
        Assert.Empty(detector.Detect("jeg har feber").Kinds);
        Assert.Contains("feverOrUnwell", detector.Detect("jeg har feber og ondt i ryggen").Kinds);
        Assert.Equal("@backOrLeg", rules.Rules[^1].Context);
        Assert.Equal("", rules.Rules[1].Context);
    }

    [Fact]
    public void ReportsUnknownRecursiveAndMisusedConcepts()
    {
        var path = Write("""
            [concepts]
            @loop = a | @loop
            @twoParts = ikke + mærke
            saddle = skridt
            [caudaEquina]
            urgency: emergency
            @nowhere + ryg
            (skridt | @twoParts) + ryg
            """);

        var problems = RedFlagRuleParser.Load(path).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith($"{path}:2: concept '@loop' refers to itself", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:4: a concept line is", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:7: unknown concept '@nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:8: '@twoParts' has parts joined by '+'", StringComparison.Ordinal));
    }

    [Fact]
    public void WarnsAboutRepeatedWordsStemJoinedAlternativesUnusedConceptsAndLongRules()
    {
        var path = Write($$"""
            [concepts]
            @feel = mærke | mærker | mærk | føle
            @unused = ryg
            @saddle = skridt* | lyske
            [caudaEquina]
            urgency: emergency
            ikke + @feel + (@saddle | lyske | anus | anus) ~8
            ikke + (tisse | {{string.Join(" | ", Enumerable.Range(10, 20).Select(i => $"word{i}"))}})
            """);

        var rules = RedFlagRuleParser.Load(path);
        var warnings = rules.Warnings.Select(p => p.ToString()).ToList();

        Assert.Empty(rules.Problems);
        Assert.Contains(warnings, w => w.StartsWith($"{path}:2: 'mærke | mærker | mærk' share the stem 'mærk' in @feel", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{path}:3: concept '@unused' is not used", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{path}:7: 'lyske' is already in @saddle", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{path}:7: 'anus' is listed 2 times", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{path}:8: rule of ", StringComparison.Ordinal));
        Assert.True(warnings.Count == 5, string.Join("\n", warnings));
    }

    [Fact]
    public void ExamplesBesideTheRulesAreRunAndFailuresNamed()
    {
        var path = Write("""
            [caudaEquina]
            urgency: emergency
            ikke + tisse ~4
            example: jeg kan ikke tisse
            example: jeg kan ikke mærke skridtet
            not: jeg har ingen problemer med at tisse
            not: jeg kan slet ikke tisse
            """);

        var rules = RedFlagRuleParser.Load(path);
        var failing = rules.FailingExamples().Select(p => p.ToString()).ToList();

        Assert.Equal(4, rules.Examples.Count);
        Assert.Equal(2, failing.Count);
        Assert.StartsWith($"{path}:5: example is not flagged as caudaEquina", failing[0], StringComparison.Ordinal);
        Assert.StartsWith($"{path}:7: 'not:' example is flagged as caudaEquina", failing[1], StringComparison.Ordinal);
    }

    [Fact]
    public void RulesDocumentSaysEachRuleInPlainWordsWithConceptsAndExamples()
    {
        var path = Write("""
            [concepts]
            @saddleArea = skridt* | lyske*
            @cannotFeel = ikke + mærke
            [caudaEquina]
            urgency: emergency
            example: jeg kan ikke mærke min lyske
            @cannotFeel + @saddleArea ~10 unless kan godt
            """);

        var document = RedFlagRulesDocument.Write(RedFlagRuleParser.Load(path));

        Assert.Contains("## cauda equina (`caudaEquina`)", document, StringComparison.Ordinal);
        Assert.Contains("Urgency: **emergency**", document, StringComparison.Ordinal);
        Assert.Contains("- [cannot feel] and [saddle area] within 10 words — except when kan godt (line 7)", document, StringComparison.Ordinal);
        Assert.Contains("- flagged: \"jeg kan ikke mærke min lyske\"", document, StringComparison.Ordinal);
        Assert.Contains("- **[saddle area]** (`@saddleArea`): (skridt* / lyske*)", document, StringComparison.Ordinal);
    }

    [Fact]
    public void NegationWordsComeFromTheRuleFile()
    {
        var path = Write("""
            [negation]
            cues: ikke | nix
            clause breaks: men
            negating clause words: slet
            [caudaEquina]
            urgency: emergency
            (tisse | tisser) + svært ~4
            ikke + mærke + skridt ~6
            """);
        var rules = RedFlagRuleParser.Load(path);
        var detector = new RedFlagDetector(rules);

        Assert.Empty(rules.Problems);
        Assert.Empty(detector.Detect("nix problemer med at tisse, svært at sige").Kinds);
        Assert.NotEmpty(detector.Detect("ingen smerter, tisser svært").Kinds);
        Assert.NotEmpty(detector.Detect("nix, kan nix mærke skridtet").Kinds);
        Assert.NotEmpty(detector.Detect("ikke ondt men tisser svært").Kinds);
        Assert.True(rules.Vocabulary.IsNegationCue("nix"));
        Assert.False(rules.Vocabulary.IsNegationCue("ingen"));
    }

    [Fact]
    public void ANegationSectionNeedsItsThreeLists()
    {
        var path = Write("""
            [negation]
            cues: ikke | can't
            breaks: men
            [caudaEquina]
            urgency: emergency
            ikke + tisse ~4
            """);

        var problems = RedFlagRuleParser.Load(path).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith($"{path}:2: negation words are single lower-case words", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:3: a [negation] line is one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{path}:1: [negation] needs a 'clause breaks:' line", StringComparison.Ordinal));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "red-flags.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
