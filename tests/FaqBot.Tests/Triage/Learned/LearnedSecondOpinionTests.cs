using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Tests.Content;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Tests.Triage.Learned;

/// <summary>
/// The learned second opinion in the reply: consulted only when the rules find nothing, it adds a red flag with its
/// predicted kind; without its model, or with a broken one, the rules alone decide and nothing crashes.
/// </summary>
public sealed class LearnedSecondOpinionTests
{
    private static readonly string ShippedModel =
        Path.Combine(ContentTestFiles.ContentDirectory, SafetyContent.Folder, LearnedTriageModel.Folder);

    private static readonly Lazy<LearnedSecondOpinion> Shipped = new(() => LearnedSecondOpinion.LoadNow(ShippedModel));

    private static readonly Lazy<ReplyComposerParts> Parts = new(() => new(
        KnowledgeBase.Load(ContentTestFiles.ContentDirectory),
        SafetyContent.Load(ContentTestFiles.ContentDirectory),
        ConversationContent.Load(ContentTestFiles.ContentDirectory)));

    /// <summary>Red flags of the labelled sets that the rules miss and the shipped model flags.</summary>
    private static readonly Lazy<IReadOnlyList<string>> AddedByModel = new(() =>
    {
        var rules = new RedFlagDetector(Parts.Value.Safety.Rules);
        var folder = Path.GetDirectoryName(ContentTestFiles.DataFile("dev-redflags.tsv"))!;
        return [.. LabelledSet.LoadFolder(folder).SelectMany(s => s.Messages)
            .Where(m => m.IsRedFlag && !rules.Detect(m.Text).IsRedFlag && Shipped.Value.Consult(m.Text) is not null)
            .Select(m => m.Text)];
    });

    [Fact]
    public void LoadShippedModelIsReadyWithAThresholdBelowOne()
    {
        Assert.Equal(LearnedTriageState.Ready, Shipped.Value.State);
        Assert.InRange(Shipped.Value.Threshold!.Value, 0.5, 1.0);
    }

    [Fact]
    public void ComposeRulesMissAndModelFlagsUrgentReplyWithThePredictedKind()
    {
        var composer = Composer(Shipped.Value);

        Assert.NotEmpty(AddedByModel.Value);
        foreach (var message in AddedByModel.Value)
        {
            var reply = composer.Compose(message);
            var kind = Shipped.Value.Consult(message);

            Assert.True(reply.RedFlag);
            Assert.Equal([kind!], reply.RedFlags);
            Assert.True(reply.Messages[0].IsUrgentAdvice);
            Assert.Equal(UrgentContacts.Default.Fill(Parts.Value.Safety.AdviceFor(kind!)!), reply.Messages[0].Markdown);
            Assert.Null(reply.Screening);
        }
    }

    [Fact]
    public void ComposeModelMissingRulesAloneDecide()
    {
        using var empty = new TempContentDirectory();
        var missing = LearnedSecondOpinion.LoadNow(empty.Path);
        var composer = Composer(missing);

        Assert.Equal(LearnedTriageState.Missing, missing.State);
        Assert.Contains(empty.Path, missing.Problem, StringComparison.Ordinal);
        Assert.All(AddedByModel.Value, message => Assert.False(composer.Compose(message).RedFlag));
    }

    [Theory]
    [InlineData(LearnedTriageModel.DetectorFile)]
    [InlineData(LearnedTriageModel.KindsFile)]
    [InlineData(LearnedTriageModel.ThresholdFile)]
    public void LoadOneModelFileBrokenBrokenAndRulesAloneDecide(string file)
    {
        using var folder = CopyOfShippedModel();
        File.WriteAllText(Path.Combine(folder.Path, file), "not a model");

        var broken = LearnedSecondOpinion.LoadNow(folder.Path);

        Assert.Equal(LearnedTriageState.Broken, broken.State);
        Assert.Contains(folder.Path, broken.Problem, StringComparison.Ordinal);
        Assert.All(AddedByModel.Value, message => Assert.False(Composer(broken).Compose(message).RedFlag));
    }

    [Fact]
    public void LoadOneModelFileMissingBroken()
    {
        using var folder = CopyOfShippedModel();
        File.Delete(Path.Combine(folder.Path, LearnedTriageModel.KindsFile));

        Assert.Equal(LearnedTriageState.Broken, LearnedSecondOpinion.LoadNow(folder.Path).State);
    }

    [Fact]
    public void ConsultNotLoadedOrOffNoOpinion()
    {
        var message = AddedByModel.Value[0];

        Assert.Null(LearnedSecondOpinion.From(ShippedModel).Consult(message));
        Assert.Null(LearnedSecondOpinion.Off().Consult(message));
        Assert.Equal(LearnedTriageState.Off, LearnedSecondOpinion.Off().Load());
    }

    [Fact]
    public void ComposeRulesFlagSecondOpinionNotConsulted()
    {
        var counting = new CountingSecondOpinion();
        var composer = Composer(counting);

        var flagged = composer.Compose("Jeg kan ikke mærke noget i skridtet og kan ikke holde på urinen");
        var ordinary = composer.Compose("Hjælper øvelser mod iskias?");

        Assert.True(flagged.RedFlag);
        Assert.False(ordinary.RedFlag);
        Assert.Equal(["Hjælper øvelser mod iskias?"], counting.Consulted);
    }

    [Fact]
    public void ConsultManyThreadsAtOnceSameOpinionsAsOneThread()
    {
        var messages = AddedByModel.Value.Concat(File.ReadLines(ContentTestFiles.DataFile("dev-qa.tsv")).Skip(1).Select(l => l.Split('\t')[0])).ToList();
        var expected = messages.Select(Shipped.Value.Consult).ToList();

        var parallel = messages.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(Shipped.Value.Consult).ToList();

        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void Consult_MessageLongerThanItReads_IgnoresTheRest()
    {
        var story = string.Concat(Enumerable.Repeat("Jeg har ondt i ryggen og går til fysioterapeut. ", 60))[..LearnedSecondOpinion.MaxMessageChars];

        Assert.Null(Shipped.Value.Consult(story));
        Assert.Null(Shipped.Value.Consult(story + " " + AddedByModel.Value[0]));
        Assert.NotNull(Shipped.Value.Consult(AddedByModel.Value[0]));
    }

    private static ReplyComposer Composer(IRedFlagSecondOpinion secondOpinion) =>
        new(Parts.Value.Knowledge, Parts.Value.Safety, Parts.Value.Conversation, null, secondOpinion);

    private static TempContentDirectory CopyOfShippedModel()
    {
        var copy = new TempContentDirectory();
        foreach (var file in Directory.GetFiles(ShippedModel))
        {
            copy.WriteBytes(Path.GetFileName(file), File.ReadAllBytes(file));
        }

        return copy;
    }

    private sealed record ReplyComposerParts(KnowledgeBase Knowledge, SafetyContent Safety, ConversationContent Conversation);

    private sealed class CountingSecondOpinion : IRedFlagSecondOpinion
    {
        public List<string> Consulted { get; } = [];

        public string? Consult(string message)
        {
            Consulted.Add(message);
            return null;
        }
    }
}
