using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// Ranks passages for a question: each clause adds its best alternative's BM25F score, with one IDF for the
/// clause computed from the passages any of its alternatives reach (as Lucene's SynonymQuery does), so a rare
/// synonym cannot outweigh the word itself. The sum is scaled by the IDF-weighted share of the question's
/// clauses the passage covers; that share is also the normalised confidence that decides answer versus
/// "no match".
/// </summary>
public sealed class PassageSearcher
{
    private readonly PassageIndex _index;
    private readonly RankingOptions _ranking;

    /// <summary>Creates a searcher over <paramref name="index"/>.</summary>
    public PassageSearcher(PassageIndex index, Lexicon lexicon, RankingOptions ranking)
    {
        _index = index;
        _ranking = ranking;
        Parser = new QueryParser(index, lexicon);
    }

    /// <summary>The query parser, exposed for diagnostics.</summary>
    public QueryParser Parser { get; }

    /// <summary>The ranking options in force.</summary>
    public RankingOptions Ranking => _ranking;

    /// <summary>The best <paramref name="limit"/> passages for <paramref name="question"/>, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string question, int limit = 5) => Search(Parser.Parse(question), limit);

    /// <summary>The best <paramref name="limit"/> passages for an already parsed question, best first.</summary>
    public IReadOnlyList<SearchHit> Search(ParsedQuery query, int limit = 5)
    {
        var count = _index.Passages.Count;
        if (count == 0 || query.Clauses.Count == 0)
        {
            return [];
        }

        var totalImportance = 0.0;
        var scores = new double[count];
        var covered = new double[count];
        var clauseBest = new double[count];
        var clauseCoverage = new double[count];
        var alternativeScore = new double[count];
        var alternativeHits = new int[count];
        var touchedByClause = new List<int>();
        var touchedByAlternative = new List<int>();

        foreach (var clause in query.Clauses)
        {
            foreach (var alternative in clause.Alternatives)
            {
                foreach (var term in alternative.Terms)
                {
                    if (_index.Find(term) is not { } postings)
                    {
                        continue;
                    }

                    foreach (var posting in postings.Items)
                    {
                        if (alternativeHits[posting.Passage] == 0)
                        {
                            touchedByAlternative.Add(posting.Passage);
                        }

                        alternativeHits[posting.Passage]++;
                        alternativeScore[posting.Passage] += posting.Score;
                    }
                }

                // A phrase alternative scores its terms' mean and covers the clause in proportion to its terms found.
                var termCount = alternative.Terms.Length;
                foreach (var p in touchedByAlternative)
                {
                    var score = alternative.Weight * alternativeScore[p] / termCount;
                    var coverage = alternative.Weight * alternativeHits[p] / termCount;
                    if (clauseBest[p] == 0 && clauseCoverage[p] == 0)
                    {
                        touchedByClause.Add(p);
                    }

                    clauseBest[p] = Math.Max(clauseBest[p], score);
                    clauseCoverage[p] = Math.Max(clauseCoverage[p], coverage);
                    alternativeScore[p] = 0;
                    alternativeHits[p] = 0;
                }

                touchedByAlternative.Clear();
            }

            // The clause's passages are the union of its alternatives' passages: that is its document frequency.
            var importance = clause.Importance * (touchedByClause.Count == 0 ? _index.MaxIdf : _index.Idf(touchedByClause.Count));
            totalImportance += importance;
            foreach (var p in touchedByClause)
            {
                scores[p] += importance * clauseBest[p];
                covered[p] += importance * Math.Min(1, clauseCoverage[p]);
                clauseBest[p] = 0;
                clauseCoverage[p] = 0;
            }

            touchedByClause.Clear();
        }

        if (totalImportance <= 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        for (var p = 0; p < count; p++)
        {
            if (scores[p] <= 0)
            {
                continue;
            }

            var confidence = covered[p] / totalImportance;
            var passage = _index.Passages[p];
            var score = scores[p] * Math.Pow(confidence, _ranking.CoverageExponent);
            hits.Add(new SearchHit(passage, score, confidence));
        }

        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits.Count > limit ? hits.GetRange(0, limit) : hits;
    }
}
