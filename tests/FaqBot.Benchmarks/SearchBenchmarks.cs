using BenchmarkDotNet.Attributes;
using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Lexicons;
using FaqBot.Search;

namespace FaqBot.Benchmarks;

/// <summary>Query latency and index build time on the seed articles and on a synthetic 10,000-passage corpus.</summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const int LargeCorpusSize = 10_000;

    // A mix of the styles patients write in: plain, colloquial, no æøå, typo, compound, English.
    private static readonly string[] Questions =
    [
        "Hvornår bør jeg søge hjælp for mine iskiassmerter?",
        "kan jeg godt træne når jeg har ondt i numsen og ned i benet",
        "hjaelper ovelser mod iskjas",
        "Skal jeg have taget en rygscanning?",
        "Do I need an MRI for sciatica?",
    ];

    private KnowledgeBase _seed = null!;
    private KnowledgeBase _large = null!;
    private List<Passage> _largePassages = null!;
    private Lexicon _lexicon = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var content = ContentFolder.Find();
        _seed = KnowledgeBase.Load(content);
        _lexicon = _seed.Lexicon;
        _largePassages = SyntheticCorpus.Create(_seed.Content.Passages, LargeCorpusSize);
        _large = BuildLarge();
    }

    /// <summary>One question on the 20 seed passages (questions rotate across calls).</summary>
    [Benchmark]
    public FaqAnswer QuerySeedCorpus() => _seed.Answerer.Answer(Questions[_next++ % Questions.Length]);

    /// <summary>One question on 10,000 passages.</summary>
    [Benchmark]
    public FaqAnswer QueryLargeCorpus() => _large.Answerer.Answer(Questions[_next++ % Questions.Length]);

    /// <summary>Building the index, lexicon look-ups and typo index for 10,000 passages.</summary>
    [Benchmark]
    public KnowledgeBase BuildLargeIndex() => BuildLarge();

    private KnowledgeBase BuildLarge() =>
        KnowledgeBase.Build(new ContentLoadResult([new Article("synthetic", "Synthetic", null, null, "synthetic", _largePassages)], []), _lexicon, new AnalysisOptions(), new RankingOptions());
}
