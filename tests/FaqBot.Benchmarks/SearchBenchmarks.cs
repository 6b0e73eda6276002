using BenchmarkDotNet.Attributes;
using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Lexicons;
using FaqBot.Search;

namespace FaqBot.Benchmarks;

/// <summary>
/// Query latency and index build time on the seed articles and on a synthetic 10,000-passage corpus, with stock
/// Lucene.Net (<see cref="PlainLuceneIndex"/>: DanishAnalyzer, BM25, top 5) on the same passages for reference.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks : IDisposable
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
    private PlainLuceneIndex _luceneSeed = null!;
    private PlainLuceneIndex _luceneLarge = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = ContentFolder.Find();
        _seed = KnowledgeBase.Load(content);
        _lexicon = _seed.Lexicon;
        _largePassages = SyntheticCorpus.Create(_seed.Content.Passages, LargeCorpusSize);
        _large = BuildLarge();
        _luceneSeed = new PlainLuceneIndex(_seed.Content.Passages);
        _luceneLarge = new PlainLuceneIndex(_largePassages);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _luceneSeed.Dispose();
        _luceneLarge.Dispose();
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

    /// <summary>For reference: stock Lucene.Net, one question on the 20 seed passages.</summary>
    [Benchmark]
    public IReadOnlyList<string> LuceneQuerySeedCorpus() => _luceneSeed.Top5(Questions[_next++ % Questions.Length]);

    /// <summary>For reference: stock Lucene.Net, one question on 10,000 passages.</summary>
    [Benchmark]
    public IReadOnlyList<string> LuceneQueryLargeCorpus() => _luceneLarge.Top5(Questions[_next++ % Questions.Length]);

    /// <summary>For reference: stock Lucene.Net, building its in-memory index of 10,000 passages.</summary>
    [Benchmark]
    public int LuceneBuildLargeIndex()
    {
        using var index = new PlainLuceneIndex(_largePassages);
        return index.Top5("iskias").Count;
    }

    private KnowledgeBase BuildLarge() =>
        KnowledgeBase.Build(new ContentLoadResult([new Article("synthetic", "Synthetic", null, null, "synthetic", _largePassages)], []), _lexicon, new AnalysisOptions(), new RankingOptions());
}
