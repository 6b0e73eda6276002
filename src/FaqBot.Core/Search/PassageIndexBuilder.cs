using FaqBot.Analysis;
using FaqBot.Content;

namespace FaqBot.Search;

/// <summary>
/// Builds a <see cref="PassageIndex"/>. Every word is a number from the moment it is read: a text becomes an array
/// of word ids, each distinct word is analysed once into a term id, and the postings are counted before they are
/// filled, so a corpus of 10,000 passages allocates arrays of the size it needs rather than lists and tables per
/// passage.
/// </summary>
/// <remarks>
/// Term ids are given in the order terms first occur (passage by passage; title, alternative questions, body,
/// article title), and each posting's score adds its fields in that order, as the index always has.
/// </remarks>
internal sealed class PassageIndexBuilder(DanishTermAnalyzer analyzer, RankingOptions ranking)
{
    private readonly WordIds _words = new();
    private readonly Dictionary<string, string> _termBySurface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _buffer = [];

    /// <summary>By word id: its term id + 1; 0 while not yet analysed; -1 for a stopword.</summary>
    private int[] _termOfWord = [];

    /// <summary>By word id: the terms of its compound parts, when it is a compound of known words.</summary>
    private string[]?[] _partsOfWord = [];

    public PassageIndex Build(IReadOnlyList<Passage> passages, IEnumerable<string> knownWords)
    {
        var texts = new FieldWords[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            texts[i] = new FieldWords(
                _words.Of(p.Title, _buffer),
                [.. (ranking.AlternativeQuestions ? p.AlternativeQuestions : []).Select(q => _words.Of(q, _buffer))],
                _words.Of(MarkdownPlainText.From(p.Text), _buffer),
                _words.Of(p.ArticleTitle, _buffer));
        }

        _termOfWord = new int[_words.Count];
        _partsOfWord = new string[]?[_words.Count];
        if (analyzer.Options.CompoundSplitting)
        {
            FindCompoundParts(texts, knownWords);
        }

        var fields = new FieldTerms[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            // Fields in the order the scores add them (title, questions, body, article), which orders the term ids.
            var title = Analyse(text.Title);
            var questions = new int[text.Questions.Length][];
            for (var q = 0; q < questions.Length; q++)
            {
                questions[q] = Analyse(text.Questions[q]);
            }

            fields[i] = new FieldTerms(title, questions, Analyse(text.Body), Analyse(text.Article));
        }

        var postings = Postings(passages, fields);
        var answered = new AnsweredQuestion[fields.Length][];
        var questionsAnswered = new List<AnsweredQuestion>();
        var seen = new HashSet<int>();
        for (var i = 0; i < fields.Length; i++)
        {
            questionsAnswered.Clear();
            AddAnswered(fields[i].Title, postings, seen, questionsAnswered);
            foreach (var question in fields[i].Questions)
            {
                AddAnswered(question, postings, seen, questionsAnswered);
            }

            answered[i] = [.. questionsAnswered];
        }

        var titleTerms = new int[fields.Length][];
        var headingTerms = new int[fields.Length][];
        for (var i = 0; i < fields.Length; i++)
        {
            titleTerms[i] = [.. fields[i].Title.Distinct()];
            headingTerms[i] = [.. fields[i].Title.Concat(fields[i].Article).Distinct()];
        }

        var byTerm = new Dictionary<string, TermPostings>(postings.Length, StringComparer.Ordinal);
        for (var id = 0; id < postings.Length; id++)
        {
            byTerm[_terms[id]] = postings[id];
        }

        return new PassageIndex(passages, byTerm, _termBySurface, analyzer, answered, titleTerms, headingTerms);
    }

    /// <summary>
    /// The terms of the parts of each closed compound in the passages' titles, questions and bodies that splits into
    /// known words: the passages' own standalone words and <paramref name="knownWords"/>.
    /// </summary>
    private void FindCompoundParts(FieldWords[] texts, IEnumerable<string> knownWords)
    {
        var inText = new bool[_words.Count];
        foreach (var text in texts)
        {
            Mark(text.Title, inText);
            foreach (var question in text.Questions)
            {
                Mark(question, inText);
            }

            Mark(text.Body, inText);
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var w = 0; w < inText.Length; w++)
        {
            if (inText[w] && !DanishStopwords.Contains(_words[w]))
            {
                known.Add(_words[w]);
            }
        }

        foreach (var word in knownWords)
        {
            if (!DanishStopwords.Contains(word))
            {
                known.Add(word);
            }
        }

        var splitter = new CompoundSplitter(known.Contains);
        for (var w = 0; w < inText.Length; w++)
        {
            if (!inText[w])
            {
                continue;
            }

            // Inflected compounds ("iskiasnerven") are tried through their base forms too.
            var surface = _words[w];
            var split = splitter.Split(surface) ?? InflectionStripper.BaseForms(surface).Select(splitter.Split).FirstOrDefault(p => p is not null);
            if (split is not null)
            {
                _partsOfWord[w] = [.. split.Select(analyzer.Term)];
            }
        }
    }

    private static void Mark(int[] words, bool[] marks)
    {
        foreach (var w in words)
        {
            marks[w] = true;
        }
    }

    /// <summary>A field's words as term ids: stopwords left out, each compound followed by its parts.</summary>
    private int[] Analyse(int[] words)
    {
        _buffer.Clear();
        foreach (var w in words)
        {
            var term = TermOf(w);
            if (term < 0)
            {
                continue;
            }

            _buffer.Add(term);
            if (_partsOfWord[w] is { } parts)
            {
                foreach (var part in parts)
                {
                    _buffer.Add(IdOf(part));
                }
            }
        }

        return [.. _buffer];
    }

    /// <summary>The term id of word <paramref name="w"/>, analysing it the first time; -1 for a stopword.</summary>
    private int TermOf(int w)
    {
        if (_termOfWord[w] == 0)
        {
            var surface = _words[w];
            if (DanishStopwords.Contains(surface))
            {
                _termOfWord[w] = -1;
            }
            else
            {
                var term = analyzer.Term(surface);
                _termBySurface[surface] = term;
                _termOfWord[w] = IdOf(term) + 1;
            }
        }

        return _termOfWord[w] - 1;
    }

    private int IdOf(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _termIds[term] = id;
            _terms.Add(term);
        }

        return id;
    }

    /// <summary>
    /// By term id, its postings: each passage's saturated, field-weighted term frequency (BM25F without the IDF).
    /// The passages per term are counted first, so each term's array is allocated once at its size.
    /// </summary>
    private TermPostings[] Postings(IReadOnlyList<Passage> passages, FieldTerms[] fields)
    {
        var termCount = _terms.Count;
        var frequency = new int[termCount];
        var lastPassage = new int[termCount];
        Array.Fill(lastPassage, -1);
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var field in fields[i].All())
            {
                foreach (var t in field)
                {
                    if (lastPassage[t] != i)
                    {
                        lastPassage[t] = i;
                        frequency[t]++;
                    }
                }
            }
        }

        var items = new Posting[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            items[t] = new Posting[frequency[t]];
        }

        var averageTitle = Average(fields, f => f.Title.Length);
        var averageQuestions = Average(fields, f => f.QuestionsLength);
        var averageBody = Average(fields, f => f.Body.Length);
        var averageArticle = Average(fields, f => f.Article.Length);
        var weighted = new double[termCount];
        var filled = new int[termCount];
        Array.Fill(lastPassage, -1);
        var touched = new List<int>();
        for (var i = 0; i < fields.Length; i++)
        {
            var f = fields[i];
            // An intro's title is the article's (often an SEO line: "Iskias – Hvad er iskias? Læs om symptomer og
            // behandling"): it names everything the article covers, not what the intro answers, so it weighs less.
            var titleWeight = passages[i].Kind == PassageKind.Intro ? ranking.IntroTitleWeight : ranking.TitleWeight;
            AddField(weighted, touched, lastPassage, i, f.Title, titleWeight, Normaliser(ranking.TitleB, f.Title.Length, averageTitle));
            var questionsNormaliser = Normaliser(ranking.AlternativeQuestionsB, f.QuestionsLength, averageQuestions);
            foreach (var question in f.Questions)
            {
                AddField(weighted, touched, lastPassage, i, question, ranking.AlternativeQuestionsWeight, questionsNormaliser);
            }

            AddField(weighted, touched, lastPassage, i, f.Body, ranking.BodyWeight, Normaliser(ranking.BodyB, f.Body.Length, averageBody));
            AddField(weighted, touched, lastPassage, i, f.Article, ranking.ArticleTitleWeight, Normaliser(ranking.TitleB, f.Article.Length, averageArticle));
            foreach (var t in touched)
            {
                var tf = weighted[t];
                items[t][filled[t]++] = new Posting(i, (float)(tf * (ranking.K1 + 1) / (tf + ranking.K1)));
                weighted[t] = 0;
            }

            touched.Clear();
        }

        var postings = new TermPostings[termCount];
        for (var t = 0; t < termCount; t++)
        {
            postings[t] = new TermPostings(PassageIndex.Idf(passages.Count, frequency[t]), items[t], t);
        }

        return postings;
    }

    private static void AddField(double[] weighted, List<int> touched, int[] lastPassage, int passage, int[] terms, double weight, double normaliser)
    {
        foreach (var t in terms)
        {
            if (lastPassage[t] != passage)
            {
                lastPassage[t] = passage;
                touched.Add(t);
            }

            weighted[t] += weight / normaliser;
        }
    }

    /// <summary>A question's distinct terms, in order, as an answered question (none when it has no terms).</summary>
    private static void AddAnswered(int[] terms, TermPostings[] postings, HashSet<int> seen, List<AnsweredQuestion> questions)
    {
        seen.Clear();
        var ids = new List<int>(terms.Length);
        foreach (var t in terms)
        {
            if (seen.Add(t))
            {
                ids.Add(t);
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        var idfs = new double[ids.Count];
        for (var k = 0; k < ids.Count; k++)
        {
            idfs[k] = postings[ids[k]].Idf;
        }

        questions.Add(new AnsweredQuestion([.. ids], idfs));
    }

    private static double Average(FieldTerms[] fields, Func<FieldTerms, int> length) =>
        fields.Length == 0 ? 1 : Math.Max(1, fields.Average(length));

    private static double Normaliser(double b, int length, double average) => 1 - b + (b * length / average);

    /// <summary>A passage's searchable texts as word ids, one array per field; the alternative questions empty when switched off.</summary>
    private sealed record FieldWords(int[] Title, int[][] Questions, int[] Body, int[] Article);

    /// <summary>A passage's fields as term ids.</summary>
    private sealed record FieldTerms(int[] Title, int[][] Questions, int[] Body, int[] Article)
    {
        public int QuestionsLength { get; } = Questions.Sum(q => q.Length);

        public IEnumerable<int[]> All() => [Title, .. Questions, Body, Article];
    }
}
