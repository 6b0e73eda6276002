using FaqBot.Tests.Content;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Tests.Triage.Learned;

/// <summary>
/// The red-flag classifier's probabilities computed from its own parameters (<see cref="NgramLinearScorer"/>) are
/// ML.NET's: for the shipped model on every labelled message, for a model trained here, and for odd text. The second
/// opinion serves with it.
/// </summary>
[Trait("Category", "Content")]
public sealed class NgramLinearScorerTests
{
    private static readonly string ShippedModel =
        Path.Combine(ContentTestFiles.ContentDirectory, SafetyContent.Folder, LearnedTriageModel.Folder);

    private static readonly Lazy<IReadOnlyList<LabelledSet>> Sets = new(() =>
        LabelledSet.LoadFolder(Path.GetDirectoryName(ContentTestFiles.DataFile("dev-redflags.tsv"))!));

    private static readonly Lazy<LearnedTriageModel> Shipped = new(() => LearnedTriageModel.Load(ShippedModel));

    [Fact]
    public void CompileScorerShippedModelAgreesWithMlNetOnEveryLabelledMessage()
    {
        var model = Shipped.Value;
        var compiled = model.Detector.CompileScorer(RedFlagClassifier.ParityProbes);
        using var reference = model.Detector.CreateScorer();

        Assert.NotNull(compiled);
        var texts = Sets.Value.SelectMany(s => s.Messages).Select(m => Truncated(m.Text)).Distinct().ToList();
        Assert.True(texts.Count > 2_800);
        foreach (var text in texts)
        {
            var expected = reference.Score(text);
            var actual = compiled.Score(text);
            Assert.True(Math.Abs(expected - actual) <= RedFlagClassifier.CompiledTolerance, $"{expected} vs {actual}: {text}");
            Assert.Equal(expected >= model.Threshold, actual >= model.Threshold);
        }
    }

    [Fact]
    public void CompileScorerModelTrainedHereAgreesWithMlNetOnOddText()
    {
        var messages = Sets.Value.Where(s => s.Name is "dev-redflags" or "dev-qa" or "extra-redflags-3").SelectMany(s => s.Messages).ToList();
        var classifier = RedFlagClassifier.Train(messages);
        var odd = new[]
        {
            "\u0000nul\u0000", "tab\tmidt\ti", "  ", "ÅÆØ åæø AE OE AA", "😷🤒🙂", "\ud83d", "a|b||c", "ﬁ ß İ ı", "١٢٣ ١", "x\u0301y",
            string.Concat(Enumerable.Repeat("langt ord ", 100)),
        };

        var compiled = classifier.CompileScorer(RedFlagClassifier.ParityProbes);
        using var reference = classifier.CreateScorer();

        Assert.NotNull(compiled);
        foreach (var text in odd.Concat(messages.Select(m => Truncated(m.Text))))
        {
            Assert.InRange(compiled.Score(text), reference.Score(text) - RedFlagClassifier.CompiledTolerance, reference.Score(text) + RedFlagClassifier.CompiledTolerance);
        }
    }

    [Fact]
    public void CompileAfterLoadSwitchesToTheCompiledScorerWithTheSameOpinions()
    {
        var opinion = LearnedSecondOpinion.From(ShippedModel);
        var messages = Sets.Value.Where(s => s.Name is "dev-redflags" or "dev-qa").SelectMany(s => s.Messages).Select(m => m.Text).ToList();

        Assert.False(opinion.Compile());
        Assert.Equal(LearnedTriageState.Ready, opinion.Load());
        Assert.False(opinion.IsCompiled);
        var byEngine = messages.Select(opinion.Consult).ToList();
        Assert.True(opinion.Compile());
        Assert.True(opinion.IsCompiled);
        Assert.Equal(byEngine, messages.Select(opinion.Consult));
        Assert.Contains(byEngine, kind => kind is not null);
    }

    [Fact]
    public void LoadShippedModelServesWithTheCompiledScorer()
    {
        var opinion = LearnedSecondOpinion.LoadNow(ShippedModel);

        Assert.Equal(LearnedTriageState.Ready, opinion.State);
        Assert.True(opinion.IsCompiled);
    }

    private static string Truncated(string text) =>
        text.Length > LearnedSecondOpinion.MaxMessageChars ? text[..LearnedSecondOpinion.MaxMessageChars] : text;
}
