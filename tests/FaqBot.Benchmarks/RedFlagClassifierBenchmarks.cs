using BenchmarkDotNet.Attributes;
using FaqBot.Triage.Learned;

namespace FaqBot.Benchmarks;

/// <summary>
/// The learned second opinion's cost per message (target for triage: ≤ 100 µs median), next to the rules for the same
/// message. The shipped model (<c>content/safety/model/</c>), through ML.NET's prediction engine and compiled
/// (<see cref="NgramLinearScorer"/>, what the second opinion serves with).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RedFlagClassifierBenchmarks
{
    private RedFlagScorer _scorer = null!;
    private NgramLinearScorer _compiled = null!;
    private FaqBot.Triage.RedFlagDetector _rules = null!;

    /// <summary>A typical patient message of about 180 characters.</summary>
    public const string Message =
        "Jeg har haft iskias i tre uger, og de sidste par dage er det blevet svært at løfte foden, når jeg går på trapper. Skal jeg vente og se, eller bør jeg ringe til nogen?";

    [GlobalSetup]
    public void Setup()
    {
        var content = ContentFolder.Find();
        var model = LearnedTriageModel.Load(Path.Combine(content, FaqBot.Triage.SafetyContent.Folder, LearnedTriageModel.Folder));
        _scorer = model.Detector.CreateScorer();
        _compiled = model.Detector.CompileScorer(RedFlagClassifier.ParityProbes)
            ?? throw new InvalidOperationException("The shipped model does not compile.");
        _rules = new FaqBot.Triage.RedFlagDetector(FaqBot.Triage.SafetyContent.Load(content).Rules);
    }

    [GlobalCleanup]
    public void Cleanup() => _scorer.Dispose();

    [Benchmark]
    public float Classifier() => _scorer.Score(Message);

    [Benchmark]
    public float CompiledClassifier() => _compiled.Score(Message);

    [Benchmark(Baseline = true)]
    public bool Rules() => _rules.Detect(Message).IsRedFlag;
}
