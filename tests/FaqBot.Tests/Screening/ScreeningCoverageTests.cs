using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Tests.Content;
using FaqBot.Triage;
using FaqBot.Triage.Learned;
using Xunit.Abstractions;

namespace FaqBot.Tests.Screening;

/// <summary>
/// What the screening questions of <c>content/safety/screening.txt</c> catch and cost, measured with the real composer:
/// of the red flags the rules miss, how many get the question about the right kind; how often a question is asked
/// on the QA sets and on the OK rows of the red-flag sets. The floors are the levels reached; raise them, never lower.
/// </summary>
[Trait("Category", "Content")]
public sealed class ScreeningCoverageTests(ITestOutputHelper output)
{
    // As the server runs it: rules, the shipped learned second opinion, then screening.
    private static readonly Lazy<ReplyComposer> Composer = new(() => FaqBotEngine.Load(
        ContentTestFiles.ContentDirectory,
        new EngineOptions
        {
            SecondOpinion = LearnedSecondOpinion.LoadNow(
                Path.Combine(ContentTestFiles.ContentDirectory, SafetyContent.Folder, LearnedTriageModel.Folder)),
        }).Composer);

    /// <summary>
    /// Red flags reported in issue #10 that the rules missed, with the kind they are. Those the rules have since learnt
    /// get the urgent advice and are not counted.
    /// </summary>
    private static readonly (string Message, string Kind)[] ReportedMisses =
    [
        ("har foleforstyrrelser i skridtet og ondt i laenden", "caudaEquina"),
        ("jeg er nødt til at trykke på maven for at få tisset ud", "caudaEquina"),
        ("ikke kontrol over maven … det kom bare ud", "caudaEquina"),
        ("jeg mister mere og mere kraft i benet", "legWeakness"),
    ];

    /// <summary>The kind a red-flag row's note names ("caudaEquina", "bilateral weakness", "progressiveWeakness" …).</summary>
    private static readonly (string NoteWord, string Kind)[] NoteKinds =
    [
        ("cauda", "caudaEquina"), ("saddle", "caudaEquina"), ("bladder", "caudaEquina"), ("bowel", "caudaEquina"),
        ("bilateral", "bilateralSymptoms"), ("weakness", "legWeakness"), ("foot drop", "legWeakness"),
        ("fever", "feverOrUnwell"), ("cancer", "cancerHistory"), ("weight", "weightLoss"), ("trauma", "trauma"),
        ("fall", "trauma"), ("night", "nightPain"), ("pain", "nightPain"),
    ];

    private static IEnumerable<string> RedFlagSets =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data"), "*redflags*.tsv").Order(StringComparer.Ordinal);

    [Fact]
    public void MostRedFlagsTheRulesMissGetTheScreeningQuestionOfTheirKind()
    {
        var misses = RedFlagSets
            .SelectMany(path => RedFlagEvaluation.Run(Composer.Value.RedFlags, path).Misses)
            .Select(miss => (miss.Message, Kind: KindOf(miss.Note)))
            .Concat(ReportedMisses.Where(miss => !Composer.Value.RedFlags.Detect(miss.Message).IsRedFlag))
            .ToList();

        // A miss of the rules is caught when the reply asks about its kind, or when the learned second opinion already
        // gives urgent advice (its predicted kind may be a neighbour: both legs weak read as leg weakness).
        var caught = misses.Where(miss => Composer.Value.Compose(miss.Message) is var reply
            && (reply.Screening?.Kind == miss.Kind || reply.RedFlag)).ToList();
        foreach (var miss in misses.Except(caught))
        {
            output.WriteLine($"not screened as {miss.Kind} (asked: {Composer.Value.Compose(miss.Message).Screening?.Kind ?? "-"}): {miss.Message}");
        }

        output.WriteLine($"screened as the right kind: {caught.Count}/{misses.Count}");
        Assert.True(misses.Count >= 4);
        Assert.True(caught.Count >= Floor.ShareOfMissesCaught * misses.Count, $"{caught.Count}/{misses.Count} misses screened as their kind");
        // Each reported miss is now either a red flag of the rules or asked about.
        Assert.All(ReportedMisses, miss => Assert.True(
            Composer.Value.RedFlags.Detect(miss.Message).Kinds.Contains(miss.Kind) || caught.Contains(miss), miss.Message));
    }

    [Theory]
    [InlineData("dev-qa.tsv")]
    [InlineData("extra-qa.tsv")]
    [InlineData("extra-qa-2.tsv")]
    [InlineData("extra-qa-3.tsv")]
    [InlineData("extra-qa-4.tsv")]
    [InlineData("extra-qa-5.tsv")]
    [InlineData("extra-qa-6.tsv")]
    [InlineData("extra-qa-7.tsv")]
    public void TheScreeningQuestionIsAskedForAtMostATenthOfAQASet(string file)
    {
        var questions = File.ReadAllLines(ContentTestFiles.DataFile(file)).Skip(1)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t')[0])
            .ToList();

        var asked = questions.Where(q => Composer.Value.Compose(q).Screening is not null).ToList();

        output.WriteLine($"{file}: asked {asked.Count}/{questions.Count} ({asked.Count / (double)questions.Count:P1})");
        Assert.True(questions.Count >= 20);
        Assert.True(asked.Count <= questions.Count * 0.10, $"asked {asked.Count}/{questions.Count}");
    }

    [Fact]
    public void TheScreeningQuestionIsAskedForFewOKRowsOfTheRedFlagSets()
    {
        var rows = RedFlagSets
            .SelectMany(path => RedFlagEvaluation.Run(Composer.Value.RedFlags, path).Cases)
            .Where(row => !row.ExpectedRedFlag && !row.Detected)
            .ToList();

        var asked = rows.Count(row => Composer.Value.Compose(row.Message).Screening is not null);

        output.WriteLine($"OK rows asked: {asked}/{rows.Count} ({asked / (double)rows.Count:P1})");
        Assert.True(asked <= rows.Count * Floor.MaxShareOfOkRowsAsked, $"asked {asked}/{rows.Count}");
    }

    [Fact]
    public void EveryExampleOfTheScreeningFileHolds() =>
        Assert.Empty(Composer.Value.Screening.Content.Rules.FailingExamples());

    [Fact]
    public void ShippedScreeningContentHasNoProblemsAndAsksAboutKindsWithUrgentAdvice()
    {
        var safety = SafetyContent.Load(ContentTestFiles.ContentDirectory);

        Assert.Empty(safety.Screening.Problems);
        Assert.NotEmpty(safety.Screening.Questions);
        Assert.All(safety.Screening.Questions.Keys, kind => Assert.True(safety.Advice.ContainsKey(kind), kind));
    }

    private static string KindOf(string note) =>
        NoteKinds.FirstOrDefault(n => note.Contains(n.NoteWord, StringComparison.OrdinalIgnoreCase)).Kind
        ?? throw new InvalidOperationException($"no kind for the note '{note}'");

    /// <summary>The levels reached when the screening questions were introduced: 15/15 misses (8/8 after the clinical vocabulary of the rules caught seven of them outright), 0 % of each QA set, 2.8 % (9/321) of the unflagged OK rows.</summary>
    private static class Floor
    {
        // A share, not a count: each widening of the rules turns some screened misses into red flags.
        public const double ShareOfMissesCaught = 0.85;
        public const double MaxShareOfOkRowsAsked = 0.05;
    }
}
