using FaqBot.Lexicons;
using FaqBot.Search.Reranking;

namespace FaqBot.Search;

/// <summary>
/// Ranks passages for a question: each clause adds its best alternative's BM25F score, with one IDF for the
/// whole clause (that of the patient's own word), so a word and its synonyms count as one term and a rare
/// synonym cannot outweigh the word itself. The IDF-weighted share of the question's clauses the passage covers
/// is the normalised confidence that decides answer versus "no match" (and, when
/// <see cref="RankingOptions.CoverageExponent"/> is set, also scales the score).
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
    /// <exception cref="OperationCanceledException">The turn ran out of time.</exception>
    public IReadOnlyList<SearchHit> Search(string question, int limit = 5, CancellationToken cancellationToken = default) =>
        Search(Parser.Parse(question, cancellationToken), limit, cancellationToken);

    /// <summary>The best <paramref name="limit"/> passages for an already parsed question, best first.</summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time (checked clause by clause).</exception>
    public IReadOnlyList<SearchHit> Search(ParsedQuery query, int limit = 5, CancellationToken cancellationToken = default)
    {
        var count = _index.Passages.Count;
        if (count == 0 || query.Clauses.Count == 0)
        {
            return [];
        }

        var scratch = SearchScratch.For(count, _index.TermCount);
        var totals = new Totals();
        var weighted = new List<WeightedClause>(query.Clauses.Count);
        foreach (var clause in query.Clauses)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The thread's next search reuses the scratch: leave it zeroed.
                Clear(scratch);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var frequency = CollectBestAlternatives(clause, scratch);
            weighted.Add(AddClause(clause, frequency, scratch, totals));
        }

        var pool = BestCandidates(scratch, totals, Math.Max(limit, CandidatePoolSize));
        return _reranker.Rerank(pool, weighted, query.AsksDefinition, limit, scratch);
    }

    /// <summary>
    /// Fills the scratch's per-passage clause score and coverage with the clause's best alternative, and returns
    /// the clause's document frequency: that of the patient's own word, or, only when the index lacks it, of the
    /// most common synonym or correction (a broad synonym must not make a clause look rare).
    /// </summary>
    private int CollectBestAlternatives(QueryClause clause, SearchScratch scratch)
    {
        var wordFrequency = 0;
        var synonymFrequency = 0;
        foreach (var alternative in clause.Alternatives)
        {
            if (alternative.Terms.Length == 1)
            {
                // One term (nearly every alternative): its postings name each passage once, so they go straight into
                // the clause's best, without the per-alternative sums a phrase needs. Same arithmetic, one pass.
                var frequency = CollectSingleTerm(alternative, scratch);
                if (alternative.Weight >= 1)
                {
                    wordFrequency = Math.Max(wordFrequency, frequency);
                }

                synonymFrequency = Math.Max(synonymFrequency, frequency);
                continue;
            }

            foreach (var term in alternative.Terms)
            {
                if (_index.Find(term) is not { } postings)
                {
                    continue;
                }

                foreach (var posting in postings.Items)
                {
                    if (!alternative.Allows(posting.Passage))
                    {
                        continue;
                    }

                    if (scratch.AlternativeHits[posting.Passage] == 0)
                    {
                        scratch.TouchedByAlternative.Add(posting.Passage);
                    }

                    scratch.AlternativeHits[posting.Passage]++;
                    scratch.AlternativeScore[posting.Passage] += posting.Score;
                }
            }

            if (alternative.Weight >= 1)
            {
                wordFrequency = Math.Max(wordFrequency, scratch.TouchedByAlternative.Count);
            }

            synonymFrequency = Math.Max(synonymFrequency, scratch.TouchedByAlternative.Count);

            // A phrase alternative scores its terms' mean and covers the clause in proportion to its terms found.
            var termCount = alternative.Terms.Length;
            foreach (var p in scratch.TouchedByAlternative)
            {
                if (scratch.ClauseBest[p] == 0 && scratch.ClauseCoverage[p] == 0)
                {
                    scratch.TouchedByClause.Add(p);
                }

                scratch.ClauseBest[p] = Math.Max(scratch.ClauseBest[p], alternative.Weight * scratch.AlternativeScore[p] / termCount);
                scratch.ClauseCoverage[p] = Math.Max(scratch.ClauseCoverage[p], alternative.Weight * scratch.AlternativeHits[p] / termCount);
                scratch.AlternativeScore[p] = 0;
                scratch.AlternativeHits[p] = 0;
            }

            scratch.TouchedByAlternative.Clear();
        }

        return wordFrequency > 0 ? wordFrequency : synonymFrequency;
    }

    /// <summary>A one-term alternative into the clause's best score and coverage; returns how many passages have the term.</summary>
    private int CollectSingleTerm(TermAlternative alternative, SearchScratch scratch)
    {
        if (_index.Find(alternative.Terms[0]) is not { } postings)
        {
            return 0;
        }

        if (alternative.Within is not null)
        {
            return CollectWithin(alternative, postings, scratch);
        }

        foreach (var posting in postings.Items)
        {
            var p = posting.Passage;
            if (scratch.ClauseBest[p] == 0 && scratch.ClauseCoverage[p] == 0)
            {
                scratch.TouchedByClause.Add(p);
            }

            // The phrase path's score sum over one term and its coverage of one hit of one term.
            scratch.ClauseBest[p] = Math.Max(scratch.ClauseBest[p], alternative.Weight * posting.Score);
            scratch.ClauseCoverage[p] = Math.Max(scratch.ClauseCoverage[p], alternative.Weight);
        }

        return postings.Items.Length;
    }

    /// <summary>
    /// <see cref="CollectSingleTerm"/> for an alternative that may match only some passages; returns how many of
    /// those have the term.
    /// </summary>
    private static int CollectWithin(TermAlternative alternative, TermPostings postings, SearchScratch scratch)
    {
        var frequency = 0;
        foreach (var posting in postings.Items)
        {
            var p = posting.Passage;
            if (!alternative.Allows(p))
            {
                continue;
            }

            frequency++;
            if (scratch.ClauseBest[p] == 0 && scratch.ClauseCoverage[p] == 0)
            {
                scratch.TouchedByClause.Add(p);
            }

            scratch.ClauseBest[p] = Math.Max(scratch.ClauseBest[p], alternative.Weight * posting.Score);
            scratch.ClauseCoverage[p] = Math.Max(scratch.ClauseCoverage[p], alternative.Weight);
        }

        return frequency;
    }

    /// <summary>Adds the collected clause to every passage's score and coverage, and to the totals.</summary>
    private WeightedClause AddClause(QueryClause clause, int frequency, SearchScratch scratch, Totals totals)
    {
        // A word no passage has is as rare as can be, unless the lexicons call it light ("hej", "weekend"): such
        // a word is common Danish that the articles merely happen not to use, and says nothing either way.
        var idf = frequency > 0 ? _index.Idf(frequency)
            : clause.Importance < 1 ? 0
            : _index.MaxIdf;

        // Coverage (and so confidence) weighs words by their full IDF: a missing rare word means the question is
        // about something else. The score weighs them by a dampened IDF: one rare but incidental word should not
        // decide the ranking alone.
        var importance = clause.Importance * idf;
        var rankingWeight = clause.Importance * Math.Pow(idf, _ranking.IdfExponent);
        totals.Importance += importance;
        totals.RankingWeight += rankingWeight;
        foreach (var p in scratch.TouchedByClause)
        {
            if (scratch.Scores[p] == 0)
            {
                scratch.Touched.Add(p);
            }

            var coverage = Math.Min(1, scratch.ClauseCoverage[p]);
            scratch.Scores[p] += rankingWeight * scratch.ClauseBest[p];
            scratch.Covered[p] += importance * coverage;
            scratch.RankingCovered[p] += rankingWeight * coverage;
            if (clause.Importance > WordWeights.LightWordFactor)
            {
                scratch.TopicCovered[p] += coverage;
            }
            scratch.ClauseBest[p] = 0;
            scratch.ClauseCoverage[p] = 0;
        }

        scratch.TouchedByClause.Clear();
        return new WeightedClause(clause, importance);
    }

    /// <summary>
    /// The best first-stage candidates, kept in a small sorted list (no sort of every passage); leaves the scratch
    /// zeroed for the next search.
    /// </summary>
    private List<RankedCandidate> BestCandidates(SearchScratch scratch, Totals totals, int poolSize)
    {
        var pool = new List<RankedCandidate>(poolSize + 1);
        foreach (var p in scratch.Touched)
        {
            if (scratch.Scores[p] > 0 && totals.Importance > 0)
            {
                // A passage that shares only question and everyday words with the question ("kan jeg flytte min tid
                // til næste uge") does not answer it, however completely it covers them.
                var confidence = scratch.TopicCovered[p] > 0 ? scratch.Covered[p] / totals.Importance : 0;
                var score = scratch.Scores[p] * Math.Pow(scratch.RankingCovered[p] / totals.RankingWeight, _ranking.CoverageExponent);
                if (pool.Count < poolSize || score > pool[^1].Score)
                {
                    var at = pool.FindIndex(h => score > h.Score);
                    pool.Insert(at < 0 ? pool.Count : at, new RankedCandidate(p, score, confidence));
                    if (pool.Count > poolSize)
                    {
                        pool.RemoveAt(poolSize);
                    }
                }
            }

            scratch.Scores[p] = 0;
            scratch.Covered[p] = 0;
            scratch.RankingCovered[p] = 0;
            scratch.TopicCovered[p] = 0;
        }

        scratch.Touched.Clear();
        return pool;
    }

    /// <summary>Zeroes the scores of a search given up between clauses.</summary>
    private static void Clear(SearchScratch scratch)
    {
        foreach (var p in scratch.Touched)
        {
            scratch.Scores[p] = 0;
            scratch.Covered[p] = 0;
            scratch.RankingCovered[p] = 0;
            scratch.TopicCovered[p] = 0;
        }

        scratch.Touched.Clear();
    }

    /// <summary>The question's total importance (full IDF) and ranking weight (dampened IDF), over all clauses.</summary>
    private sealed class Totals
    {
        public double Importance { get; set; }

        public double RankingWeight { get; set; }
    }
}
