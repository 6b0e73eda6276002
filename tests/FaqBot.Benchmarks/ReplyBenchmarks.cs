using BenchmarkDotNet.Attributes;
using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Conversation;
using FaqBot.Evaluation;
using FaqBot.Search;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Benchmarks;

/// <summary>
/// A whole reply as the channels and <c>ask --jsonl</c> compose it (triage with the learned second opinion, small talk,
/// search, the screening question, composing), per message, over every message of a development set in turn: the
/// patients' questions of <c>dev-qa.tsv</c> and the messages (red flags and ordinary) of <c>dev-redflags.tsv</c>, the first
/// <see cref="MessagesPerSet"/> of each. Issue #11 targets:
/// ≤ 100 µs on the shipped content, ≤ 1 ms on a synthetic 10,000-passage corpus.
/// </summary>
[MemoryDiagnoser]
public class ReplyBenchmarks
{
    private const int LargeCorpusSize = 10_000;

    /// <summary>How many messages of each set one invocation replies to (both sets have more).</summary>
    private const int MessagesPerSet = 60;

    private ReplyComposer _composer = null!;
    private string[] _messages = null!;

    /// <summary>Which messages are replied to.</summary>
    public enum MessageSet
    {
        DevQuestions,
        DevRedFlagMessages,
    }

    /// <summary>Which content answers.</summary>
    public enum Corpus
    {
        Shipped,
        Synthetic10000,
    }

    [ParamsAllValues]
    public MessageSet Messages { get; set; }

    [ParamsAllValues]
    public Corpus Content { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var content = ContentFolder.Find();
        var data = Path.Combine(content, "..", "tests", "FaqBot.Tests", "Data");
        _messages = Messages == MessageSet.DevQuestions
            ? [.. QaFile.Read(Path.Combine(data, "dev-qa.tsv")).Select(c => c.Question).Take(MessagesPerSet)]
            : [.. RedFlagEvaluation.ReadRows(Path.Combine(data, "dev-redflags.tsv")).Select(r => r.Message).Take(MessagesPerSet)];
        if (_messages.Length != MessagesPerSet)
        {
            throw new InvalidOperationException($"{Messages} has fewer than {MessagesPerSet} messages.");
        }

        var secondOpinion = LearnedSecondOpinion.LoadNow(Path.Combine(content, SafetyContent.Folder, LearnedTriageModel.Folder));
        var engine = FaqBotEngine.Load(content, new EngineOptions { SecondOpinion = secondOpinion });
        var knowledge = engine.Knowledge;
        if (Content == Corpus.Synthetic10000)
        {
            var passages = SyntheticCorpus.Create(knowledge.Content.Passages, LargeCorpusSize);
            knowledge = KnowledgeBase.Build(
                new ContentLoadResult([new Article("synthetic", "Synthetic", null, null, "synthetic", passages)], []),
                knowledge.Lexicon, new AnalysisOptions(), new RankingOptions());
        }

        _composer = new ReplyComposer(knowledge, engine.Safety.EnsureComplete(), engine.Conversation, secondOpinion: secondOpinion);
        foreach (var message in _messages)
        {
            _composer.Compose(message);
        }
    }

    /// <summary>Every message of the set once; the figure is per message.</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerSet)]
    public int WholeReply()
    {
        var bubbles = 0;
        foreach (var message in _messages)
        {
            bubbles += _composer.Compose(message).Messages.Count;
        }

        return bubbles;
    }
}
