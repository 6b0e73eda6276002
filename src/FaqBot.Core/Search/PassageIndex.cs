using FaqBot.Analysis;
using FaqBot.Content;

namespace FaqBot.Search;

/// <summary>
/// An inverted index of passages over four fields (title, the editor's alternative questions, body, article title). Each posting stores its
/// saturated, field-weighted term frequency (BM25F without the IDF), computed once at build time; the searcher
/// multiplies by the IDF of the whole clause, so a word and its synonyms count as one term.
/// </summary>
public sealed class PassageIndex
{
    private readonly Dictionary<string, TermPostings> _postings;
    private readonly Dictionary<string, string> _termBySurface;

    internal PassageIndex(
        IReadOnlyList<Passage> passages,
        Dictionary<string, TermPostings> postings,
        Dictionary<string, string> termBySurface,
        DanishTermAnalyzer analyzer,
        AnsweredQuestion[][] answeredQuestions,
        int[][] titleTerms,
        int[][] headingTerms)
    {
        TitleTerms = titleTerms;
        HeadingTerms = headingTerms;
        Passages = passages;
        AnsweredQuestions = answeredQuestions;
        _postings = postings;
        _termBySurface = termBySurface;
        Analyzer = analyzer;
        MaxIdf = Idf(passages.Count, 0);
    }

    /// <summary>The indexed passages; postings refer to them by position.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>
    /// By passage position, the questions it answers: its title (for an intro, the article's), then its
    /// alternative questions.
    /// </summary>
    public IReadOnlyList<AnsweredQuestion[]> AnsweredQuestions { get; }

    /// <summary>By passage position, the distinct term ids of its title (for an intro, the article's).</summary>
    public IReadOnlyList<int[]> TitleTerms { get; }

    /// <summary>
    /// By passage position, the distinct term ids of its heading and its article's title (compound parts included):
    /// what the passage is about, as against what it mentions in passing.
    /// </summary>
    public IReadOnlyList<int[]> HeadingTerms { get; }

    /// <summary>How many distinct terms the index has; term ids run from 0 to one less.</summary>
    public int TermCount => _postings.Count;

    /// <summary>The analyzer that produced the terms; queries must use the same.</summary>
    public DanishTermAnalyzer Analyzer { get; }

    /// <summary>The IDF a term would have if no passage contained it: the weight of an unknown word.</summary>
    public double MaxIdf { get; }

    /// <summary>Every distinct word of the passages (lower-case, not stopwords) with its term.</summary>
    public IReadOnlyDictionary<string, string> TermBySurface => _termBySurface;

    /// <summary>Builds the index.</summary>
    /// <param name="passages">What to index.</param>
    /// <param name="analyzer">The analysis chain.</param>
    /// <param name="ranking">The BM25F parameters.</param>
    /// <param name="knownWords">
    /// Danish words besides the passages' own (the lexicons') that compounds in the text may be split into, so
    /// that "fod" finds "fodsålen" and "nerve" finds "iskiasnerven".
    /// </param>
    public static PassageIndex Build(IReadOnlyList<Passage> passages, DanishTermAnalyzer analyzer, RankingOptions ranking, IEnumerable<string>? knownWords = null) =>
        new PassageIndexBuilder(analyzer, ranking).Build(passages, knownWords ?? []);

    /// <summary>The postings of <paramref name="term"/>, or null when no passage has it.</summary>
    public TermPostings? Find(string term) => _postings.GetValueOrDefault(term);

    /// <summary>Every term by its id.</summary>
    public string[] TermIds()
    {
        var terms = new string[_postings.Count];
        foreach (var (term, postings) in _postings)
        {
            terms[postings.Id] = term;
        }

        return terms;
    }

    /// <summary>Whether some passage contains <paramref name="term"/>.</summary>
    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>BM25's inverse document frequency.</summary>
    public double Idf(int documentFrequency) => Idf(Passages.Count, documentFrequency);

    internal static double Idf(int passageCount, int documentFrequency) =>
        Math.Log(1 + ((passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}

/// <summary>One passage containing a term, with the term's saturated field-weighted frequency there.</summary>
public readonly record struct Posting(int Passage, float Score);

/// <summary>All passages containing a term, the term's inverse document frequency, and its number in the index.</summary>
public sealed record TermPostings(double Idf, Posting[] Items, int Id);

/// <summary>A question a passage answers (its title or an alternative question), as its distinct terms' ids and IDFs.</summary>
public sealed record AnsweredQuestion(int[] TermIds, double[] Idfs)
{
    /// <summary>The sum of its terms' IDFs.</summary>
    public double Weight { get; } = Idfs.Sum();
}
