using FaqBot.Tests.Content;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Tests.Triage.Learned;

[Trait("Category", "Content")]
public sealed class RedFlagClassifierTests
{
    private static readonly Lazy<IReadOnlyList<LabelledMessage>> DevMessages = new(() =>
        [.. LabelledSet.ReadRedFlagSet(ContentTestFiles.DataFile("dev-redflags.tsv")),
            .. LabelledSet.ReadQuestionSet(ContentTestFiles.DataFile("dev-qa.tsv"))]);

    [Fact]
    public void LoadFolderFindsEveryRedFlagAndQuestionSetInNameOrder()
    {
        var sets = LabelledSet.LoadFolder(Path.GetDirectoryName(ContentTestFiles.DataFile("dev-redflags.tsv"))!);

        Assert.Equal(26, sets.Count(s => !s.IsQuestionSet));
        Assert.Equal(8, sets.Count(s => s.IsQuestionSet));
        Assert.Equal(sets.Select(s => s.Name + ".tsv").Order(StringComparer.Ordinal), sets.Select(s => s.Name + ".tsv"));
        Assert.All(sets.Where(s => s.IsQuestionSet).SelectMany(s => s.Messages), m => Assert.False(m.IsRedFlag));
        Assert.Equal(36, sets.Single(s => s.Name == "dev-redflags").Messages.Count(m => m.IsRedFlag));
    }

    [Fact]
    public void RetrainingOnTheSameMessagesGivesTheSameProbabilities()
    {
        var texts = DevMessages.Value.Select(m => m.Text).ToList();

        var first = RedFlagClassifier.Train(DevMessages.Value).ScoreAll(texts);
        var second = RedFlagClassifier.Train(DevMessages.Value).ScoreAll(texts);

        Assert.Equal(first, second);
    }

    [Fact]
    public void SavedModelScoresLikeTheTrainedOne()
    {
        var classifier = RedFlagClassifier.Train(DevMessages.Value);
        using var stream = new MemoryStream();
        classifier.Save(stream);
        stream.Position = 0;
        var loaded = RedFlagClassifier.Load(stream);

        using var scorer = loaded.CreateScorer();
        var expected = classifier.ScoreAll(DevMessages.Value.Select(m => m.Text));
        Assert.Equal(expected, DevMessages.Value.Select(m => scorer.Score(m.Text)));
    }

    [Fact]
    public void TrainedClassifierSeparatesItsTrainingRedFlagsFromQuestions()
    {
        var scores = RedFlagClassifier.Train(DevMessages.Value).ScoreAll(DevMessages.Value.Select(m => m.Text));
        var redFlags = DevMessages.Value.Select((m, i) => (m, scores[i])).Where(x => x.m.IsRedFlag).Select(x => x.Item2);
        var questions = DevMessages.Value.Select((m, i) => (m, scores[i])).Where(x => x.m.Note.Length == 0 && !x.m.IsRedFlag).Select(x => x.Item2);

        Assert.True(redFlags.Average() > 0.5 && questions.Average() < 0.5);
    }

    [Fact]
    public void ThresholdFindsMostRedFlagsWithinTheFalseAlarmCap()
    {
        var rulesFlag = new Dictionary<string, bool> { ["a"] = false, ["b"] = false, ["c"] = false, ["d"] = false, ["q"] = false };
        (LabelledMessage, bool, float)[] scored =
        [
            (new("a", true, ""), false, 0.9f),
            (new("b", true, ""), false, 0.6f),
            (new("c", false, ""), false, 0.5f),
            (new("d", false, ""), false, 0.1f),
            (new("q", false, ""), true, 0.2f),
        ];

        // Flagging "b" (0.6) keeps false alarms at 0 of 2; going down to 0.5 would add "c" as a false alarm (50 % > 2 %).
        Assert.Equal(0.6, new ThresholdChoice().Best(scored, rulesFlag), 3);
        // With no qualifying threshold the classifier never flags.
        Assert.Equal(ThresholdChoice.Never, new ThresholdChoice(MaxAddedFalseAlarmRate: -1).Best(scored, rulesFlag));
    }

    [Fact]
    public void TrainSameSetsTwiceSameThresholdAndSameOpinions()
    {
        var (sets, rules) = SmallTrainingSets();
        var texts = sets.SelectMany(s => s.Messages).Select(m => m.Text).ToList();

        var first = LearnedTriageModel.Train(sets, rules, new ThresholdChoice());
        var second = LearnedTriageModel.Train(sets, rules, new ThresholdChoice());

        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Detector.ScoreAll(texts), second.Detector.ScoreAll(texts));
        Assert.Equal(texts.Select(first.Kinds.Predict), texts.Select(second.Kinds.Predict));
    }

    [Fact]
    public void SaveThenLoadSameThresholdAndSameOpinions()
    {
        var (sets, rules) = SmallTrainingSets();
        var texts = sets.SelectMany(s => s.Messages).Select(m => m.Text).ToList();
        var trained = LearnedTriageModel.Train(sets, rules, new ThresholdChoice());
        using var folder = new TempContentDirectory();

        trained.Save(folder.Path, ["a summary line"]);
        var loaded = LearnedTriageModel.Load(folder.Path);

        Assert.Equal(Math.Round(trained.Threshold, 3), loaded.Threshold);
        Assert.Equal(trained.Detector.ScoreAll(texts), loaded.Detector.ScoreAll(texts));
        Assert.Equal(texts.Select(trained.Kinds.Predict), texts.Select(loaded.Kinds.Predict));
        Assert.Contains("# a summary line", File.ReadAllLines(Path.Combine(folder.Path, LearnedTriageModel.ThresholdFile)));
    }

    [Fact]
    public void KindsPredictTrainingRedFlagsMostlyTheRulesKind()
    {
        var (sets, rules) = SmallTrainingSets();
        var labelled = sets.SelectMany(s => s.Messages).Where(m => m.IsRedFlag)
            .Select(m => (m.Text, Detection: rules.Detect(m.Text))).Where(x => x.Detection.IsRedFlag)
            .Select(x => (x.Text, Kind: x.Detection.Kinds[0])).ToList();

        var kinds = RedFlagKindClassifier.Train(labelled);

        var right = labelled.Count(x => kinds.Predict(x.Text) == x.Kind);
        Assert.True(right >= 0.9 * labelled.Count, $"{right}/{labelled.Count}");
    }

    /// <summary>Two red-flag sets and a QA set: enough for the inner threshold choice, small enough to train quickly.</summary>
    private static (IReadOnlyList<LabelledSet> Sets, RedFlagDetector Rules) SmallTrainingSets()
    {
        IReadOnlyList<LabelledSet> sets =
        [
            new("dev-qa", true, LabelledSet.ReadQuestionSet(ContentTestFiles.DataFile("dev-qa.tsv"))),
            new("dev-redflags", false, LabelledSet.ReadRedFlagSet(ContentTestFiles.DataFile("dev-redflags.tsv"))),
            new("extra-redflags", false, LabelledSet.ReadRedFlagSet(ContentTestFiles.DataFile("extra-redflags.tsv"))),
        ];
        return (sets, new RedFlagDetector(SafetyContent.Load(ContentTestFiles.ContentDirectory).Rules));
    }
}
