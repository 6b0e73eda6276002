namespace FaqBot.Search;

/// <summary>
/// Per-thread working arrays for one search, sized to the corpus and left zeroed after each search, so a query
/// on 10,000 passages allocates nothing proportional to the corpus.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? _current;

    private SearchScratch(int size)
    {
        Scores = new double[size];
        Covered = new double[size];
        RankingCovered = new double[size];
        TopicCovered = new double[size];
        ClauseBest = new double[size];
        ClauseCoverage = new double[size];
        AlternativeScore = new double[size];
        AlternativeHits = new int[size];
    }

    public double[] Scores { get; }

    public double[] Covered { get; }

    public double[] RankingCovered { get; }

    /// <summary>Coverage of topic clauses only (not question or everyday words).</summary>
    public double[] TopicCovered { get; }

    public double[] ClauseBest { get; }

    public double[] ClauseCoverage { get; }

    public double[] AlternativeScore { get; }

    public int[] AlternativeHits { get; }

    public List<int> TouchedByClause { get; } = [];

    public List<int> TouchedByAlternative { get; } = [];

    public List<int> Touched { get; } = [];

    /// <summary>This thread's scratch for a corpus of <paramref name="size"/> passages.</summary>
    public static SearchScratch For(int size)
    {
        if (_current is null || _current.Scores.Length < size)
        {
            _current = new SearchScratch(size);
        }

        return _current;
    }
}
