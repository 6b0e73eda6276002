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

    private PassageIndex(
        IReadOnlyList<Passage> passages,
        Dictionary<string, TermPostings> postings,
        Dictionary<string, string> termBySurface,
        DanishTermAnalyzer analyzer,
        AnsweredQuestion[][] answeredQuestions)
    {
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
    public static PassageIndex Build(IReadOnlyList<Passage> passages, DanishTermAnalyzer analyzer, RankingOptions ranking, IEnumerable<string>? knownWords = null)
    {
        var termBySurface = new Dictionary<string, string>(StringComparer.Ordinal);
        // Each field's text is tokenized once, for the compound parts and the terms alike, each distinct word one string.
        var words = new WordStrings();
        var texts = passages.Select(p => new FieldTexts(
            words.Tokens(p.Title),
            [.. (ranking.AlternativeQuestions ? p.AlternativeQuestions : []).Select(words.Tokens)],
            words.Tokens(MarkdownPlainText.From(p.Text)),
            words.Tokens(p.ArticleTitle))).ToArray();
        var compoundParts = analyzer.Options.CompoundSplitting
            ? CompoundPartsOf(texts, knownWords ?? [], analyzer)
            : new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fields = new FieldTerms[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            var text = texts[i];
            fields[i] = new FieldTerms(
                Analyse(text.Title, analyzer, termBySurface, compoundParts),
                [.. text.Questions.Select(q => Analyse(q, analyzer, termBySurface, compoundParts))],
                Analyse(text.Body, analyzer, termBySurface, compoundParts),
                Analyse(text.Article, analyzer, termBySurface, compoundParts));
        }

        var averageTitle = Average(fields, f => f.Title.Count);
        var averageQuestions = Average(fields, f => f.QuestionsLength);
        var averageBody = Average(fields, f => f.Body.Count);
        var averageArticle = Average(fields, f => f.Article.Count);

        var frequencies = new Dictionary<string, List<(int Passage, double Tf)>>(StringComparer.Ordinal);
        // One table reused for every passage: a new one each would be most of what a large build allocates.
        var weighted = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var f = fields[i];
            weighted.Clear();
            // An intro's title is the article's (often an SEO line: "Iskias – Hvad er iskias? Læs om symptomer og
            // behandling"): it names everything the article covers, not what the intro answers, so it weighs less.
            var titleWeight = passages[i].Kind == PassageKind.Intro ? ranking.IntroTitleWeight : ranking.TitleWeight;
            AddField(weighted, f.Title, titleWeight, Normaliser(ranking.TitleB, f.Title.Count, averageTitle));
            var questionsNormaliser = Normaliser(ranking.AlternativeQuestionsB, f.QuestionsLength, averageQuestions);
            foreach (var question in f.Questions)
            {
                AddField(weighted, question, ranking.AlternativeQuestionsWeight, questionsNormaliser);
            }

            AddField(weighted, f.Body, ranking.BodyWeight, Normaliser(ranking.BodyB, f.Body.Count, averageBody));
            AddField(weighted, f.Article, ranking.ArticleTitleWeight, Normaliser(ranking.TitleB, f.Article.Count, averageArticle));
            foreach (var (term, tf) in weighted)
            {
                if (!frequencies.TryGetValue(term, out var list))
                {
                    list = [];
                    frequencies[term] = list;
                }

                list.Add((i, tf));
            }
        }

        var postings = new Dictionary<string, TermPostings>(frequencies.Count, StringComparer.Ordinal);
        foreach (var (term, list) in frequencies)
        {
            var idf = Idf(passages.Count, list.Count);
            var items = new Posting[list.Count];
            for (var j = 0; j < list.Count; j++)
            {
                var tf = list[j].Tf;
                items[j] = new Posting(list[j].Passage, (float)(tf * (ranking.K1 + 1) / (tf + ranking.K1)));
            }

            postings[term] = new TermPostings(idf, items, postings.Count);
        }

        var answered = new AnsweredQuestion[fields.Length][];
        var distinct = new List<TermPostings>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var questions = new List<AnsweredQuestion>();
        for (var i = 0; i < fields.Length; i++)
        {
            questions.Clear();
            AddAnswered(fields[i].Title, postings, distinct, seen, questions);
            foreach (var question in fields[i].Questions)
            {
                AddAnswered(question, postings, distinct, seen, questions);
            }

            answered[i] = [.. questions];
        }

        return new PassageIndex(passages, postings, termBySurface, analyzer, answered);
    }

    /// <summary>A question's distinct terms, in order, as an answered question (none when it has no terms).</summary>
    private static void AddAnswered(
        List<string> terms, Dictionary<string, TermPostings> postings, List<TermPostings> distinct, HashSet<string> seen, List<AnsweredQuestion> questions)
    {
        distinct.Clear();
        seen.Clear();
        foreach (var term in terms)
        {
            if (seen.Add(term))
            {
                distinct.Add(postings[term]);
            }
        }

        if (distinct.Count == 0)
        {
            return;
        }

        var ids = new int[distinct.Count];
        var idfs = new double[distinct.Count];
        for (var k = 0; k < distinct.Count; k++)
        {
            ids[k] = distinct[k].Id;
            idfs[k] = distinct[k].Idf;
        }

        questions.Add(new AnsweredQuestion(ids, idfs));
    }

    /// <summary>The postings of <paramref name="term"/>, or null when no passage has it.</summary>
    public TermPostings? Find(string term) => _postings.GetValueOrDefault(term);

    /// <summary>Whether some passage contains <paramref name="term"/>.</summary>
    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>BM25's inverse document frequency.</summary>
    public double Idf(int documentFrequency) => Idf(Passages.Count, documentFrequency);

    private static double Idf(int passageCount, int documentFrequency) =>
        Math.Log(1 + ((passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>
    /// The terms of the parts of each closed compound in the passages that splits into known words: the passages'
    /// own standalone words and <paramref name="knownWords"/>.
    /// </summary>
    private static Dictionary<string, string[]> CompoundPartsOf(FieldTexts[] texts, IEnumerable<string> knownWords, DanishTermAnalyzer analyzer)
    {
        var surfaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            surfaces.UnionWith(text.Title);
            foreach (var question in text.Questions)
            {
                surfaces.UnionWith(question);
            }

            surfaces.UnionWith(text.Body);
        }

        var known = new HashSet<string>(surfaces.Concat(knownWords).Where(w => !DanishStopwords.Contains(w)), StringComparer.Ordinal);
        var splitter = new CompoundSplitter(known.Contains);
        var parts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var surface in surfaces)
        {
            // Inflected compounds ("iskiasnerven") are tried through their base forms too.
            var split = splitter.Split(surface) ?? InflectionStripper.BaseForms(surface).Select(splitter.Split).FirstOrDefault(p => p is not null);
            if (split is not null)
            {
                parts[surface] = [.. split.Select(analyzer.Term)];
            }
        }

        return parts;
    }

    private static List<string> Analyse(List<string> tokens, DanishTermAnalyzer analyzer, Dictionary<string, string> termBySurface, Dictionary<string, string[]> compoundParts)
    {
        var terms = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (DanishStopwords.Contains(token))
            {
                continue;
            }

            if (!termBySurface.TryGetValue(token, out var term))
            {
                term = analyzer.Term(token);
                termBySurface[token] = term;
            }

            terms.Add(term);
            if (compoundParts.TryGetValue(token, out var parts))
            {
                terms.AddRange(parts);
            }
        }

        return terms;
    }

    private static double Average(FieldTerms[] fields, Func<FieldTerms, int> length) =>
        fields.Length == 0 ? 1 : Math.Max(1, fields.Average(length));

    private static double Normaliser(double b, int length, double average) => 1 - b + (b * length / average);

    private static void AddField(Dictionary<string, double> weighted, List<string> terms, double weight, double normaliser)
    {
        foreach (var term in terms)
        {
            weighted[term] = weighted.GetValueOrDefault(term) + (weight / normaliser);
        }
    }

    /// <summary>A passage's searchable texts as tokens, one list per field; the alternative questions empty when switched off.</summary>
    private sealed record FieldTexts(List<string> Title, List<string>[] Questions, List<string> Body, List<string> Article);

    private sealed record FieldTerms(List<string> Title, List<string>[] Questions, List<string> Body, List<string> Article)
    {
        public int QuestionsLength { get; } = Questions.Sum(q => q.Count);
    }
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
