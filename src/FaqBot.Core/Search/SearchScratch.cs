namespace FaqBot.Search;

/// <summary>
/// Per-thread working arrays for one search, sized to the corpus and left zeroed after each search, so a query
/// on 10,000 passages allocates nothing proportional to the corpus.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? _current;

    private SearchScratch(int size, int termCount)
    {
        QueryTermStamp = new int[termCount];
        QueryTermSlot = new int[termCount];
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

    /// <summary>
    /// By index term id, the search (<see cref="NextStamp"/>) that last put the term in <see cref="QueryTermSlot"/>:
    /// an entry of an earlier search is stale, so nothing needs clearing between searches.
    /// </summary>
    public int[] QueryTermStamp { get; }

    /// <summary>By index term id, where the current search keeps what it knows of the term.</summary>
    public int[] QueryTermSlot { get; }

    public List<int> TouchedByClause { get; } = [];

    public List<int> TouchedByAlternative { get; } = [];

    public List<int> Touched { get; } = [];

    private int _stamp;

    /// <summary>A stamp no earlier search of this thread used.</summary>
    public int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(QueryTermStamp);
            _stamp = 0;
        }

        return ++_stamp;
    }

    /// <summary>This thread's scratch for a corpus of <paramref name="size"/> passages and <paramref name="termCount"/> terms.</summary>
    public static SearchScratch For(int size, int termCount)
    {
        if (_current is null || _current.Scores.Length < size || _current.QueryTermStamp.Length < termCount)
        {
            _current = new SearchScratch(size, termCount);
        }

        return _current;
    }
}
