using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// Ranks passages for a question: each clause adds its best alternative's BM25F score, with one IDF for the
/// whole clause (that of the patient's own word), so a word and its synonyms count as one term and a rare
/// synonym cannot outweigh the word itself. The sum is scaled by the IDF-weighted share of the question's
/// clauses the passage covers; that share is also the normalised confidence that decides answer versus
/// "no match".
/// </summary>
public sealed class PassageSearcher
{
    /// <summary>How many first-stage candidates the re-ranker sees.</summary>
    private const int CandidatePoolSize = 20;

    private readonly PassageIndex _index;
    private readonly RankingOptions _ranking;
    private readonly PassageReranker _reranker;

    /// <summary>Creates a searcher over <paramref name="index"/>.</summary>
    public PassageSearcher(PassageIndex index, Lexicon lexicon, RankingOptions ranking)
    {
        _index = index;
        _ranking = ranking;
        _reranker = new PassageReranker(index, ranking);
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
        var weighted = new List<WeightedClause>(query.Clauses.Count);
        var scratch = SearchScratch.For(count);
        var scores = scratch.Scores;
        var covered = scratch.Covered;
        var rankingCovered = scratch.RankingCovered;
        var totalRankingWeight = 0.0;
        var clauseBest = scratch.ClauseBest;
        var clauseCoverage = scratch.ClauseCoverage;
        var alternativeScore = scratch.AlternativeScore;
        var alternativeHits = scratch.AlternativeHits;
        var touchedByClause = scratch.TouchedByClause;
        var touchedByAlternative = scratch.TouchedByAlternative;
        var touched = scratch.Touched;

        foreach (var clause in query.Clauses)
        {
            var wordFrequency = 0;
            var synonymFrequency = 0;
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

                if (alternative.Weight >= 1)
                {
                    wordFrequency = Math.Max(wordFrequency, touchedByAlternative.Count);
                }

                synonymFrequency = Math.Max(synonymFrequency, touchedByAlternative.Count);

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

            // The clause is as rare as the patient's own word; only when the index lacks it do its synonyms or
            // corrections decide, by the most common of them (a broad synonym must not make a clause look rare).
            var frequency = wordFrequency > 0 ? wordFrequency : synonymFrequency;
            // Coverage (and so confidence) weighs words by their full IDF: a missing rare word means the question
            // is about something else. The score weighs them by a dampened IDF: one rare but incidental word
            // should not decide the ranking alone.
            // A word no passage has is as rare as can be, unless the lexicons call it light ("hej", "weekend"):
            // such a word is common Danish that the articles merely happen not to use, and says nothing either way.
            var idf = frequency > 0 ? _index.Idf(frequency)
                : clause.Importance < 1 ? 0
                : _index.MaxIdf;
            var importance = clause.Importance * idf;
            var rankingWeight = clause.Importance * Math.Pow(idf, _ranking.IdfExponent);
            totalImportance += importance;
            totalRankingWeight += rankingWeight;
            weighted.Add(new WeightedClause(clause, importance));
            foreach (var p in touchedByClause)
            {
                if (scores[p] == 0)
                {
                    touched.Add(p);
                }

                scores[p] += rankingWeight * clauseBest[p];
                covered[p] += importance * Math.Min(1, clauseCoverage[p]);
                rankingCovered[p] += rankingWeight * Math.Min(1, clauseCoverage[p]);
                clauseBest[p] = 0;
                clauseCoverage[p] = 0;
            }

            touchedByClause.Clear();
        }

        // Keep a pool of the best first-stage candidates (a small sorted list: no sort of every passage), then
        // re-rank the pool by how well the question covers each passage's title.
        var poolSize = Math.Max(limit, CandidatePoolSize);
        var pool = new List<RankedCandidate>(poolSize + 1);
        foreach (var p in touched)
        {
            if (scores[p] > 0 && totalImportance > 0)
            {
                var coverage = covered[p] / totalImportance;
                var score = scores[p] * Math.Pow(rankingCovered[p] / totalRankingWeight, _ranking.CoverageExponent);
                if (pool.Count < poolSize || score > pool[^1].Score)
                {
                    var at = pool.FindIndex(h => score > h.Score);
                    pool.Insert(at < 0 ? pool.Count : at, new RankedCandidate(p, score, coverage));
                    if (pool.Count > poolSize)
                    {
                        pool.RemoveAt(poolSize);
                    }
                }
            }

            scores[p] = 0;
            covered[p] = 0;
            rankingCovered[p] = 0;
        }

        touched.Clear();
        return _reranker.Rerank(pool, weighted, query.AsksDefinition, limit);
    }
}
