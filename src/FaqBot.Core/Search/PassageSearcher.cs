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
        var scratch = SearchScratch.For(count);
        var scores = scratch.Scores;
        var covered = scratch.Covered;
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
            var importance = clause.Importance * (frequency == 0 ? _index.MaxIdf : _index.Idf(frequency));
            totalImportance += importance;
            foreach (var p in touchedByClause)
            {
                if (scores[p] == 0)
                {
                    touched.Add(p);
                }

                scores[p] += importance * clauseBest[p];
                covered[p] += importance * Math.Min(1, clauseCoverage[p]);
                clauseBest[p] = 0;
                clauseCoverage[p] = 0;
            }

            touchedByClause.Clear();
        }

        var topicTerms = TopicTerms(query);

        // Only the best few are wanted: keep them in a small sorted list instead of sorting every passage.
        var hits = new List<SearchHit>(limit + 1);
        foreach (var p in touched)
        {
            if (scores[p] > 0 && totalImportance > 0)
            {
                var confidence = covered[p] / totalImportance;
                var titleMatch = TitleMatch(p, topicTerms);
                var score = scores[p] * Math.Pow(confidence, _ranking.CoverageExponent) * (1 + (_ranking.TitleMatchBonus * titleMatch));
                if (hits.Count < limit || score > hits[^1].Score)
                {
                    var at = hits.FindIndex(h => score > h.Score);
                    hits.Insert(at < 0 ? hits.Count : at, new SearchHit(_index.Passages[p], score, confidence, confidence, titleMatch));
                    if (hits.Count > limit)
                    {
                        hits.RemoveAt(limit);
                    }
                }
            }

            scores[p] = 0;
            covered[p] = 0;
        }

        touched.Clear();
        return hits;
    }

    /// <summary>The terms of the question's topic clauses (not question words), for matching titles.</summary>
    private static HashSet<string> TopicTerms(ParsedQuery query)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in query.Clauses)
        {
            if (clause.Importance >= 1)
            {
                foreach (var alternative in clause.Alternatives)
                {
                    terms.UnionWith(alternative.Terms);
                }
            }
        }

        return terms;
    }

    /// <summary>The IDF-weighted share of passage <paramref name="p"/>'s title terms that the question contains.</summary>
    private double TitleMatch(int p, HashSet<string> topicTerms)
    {
        var total = 0.0;
        var matched = 0.0;
        foreach (var term in _index.TitleTerms[p])
        {
            var idf = _index.Find(term)?.Idf ?? 0;
            total += idf;
            if (topicTerms.Contains(term))
            {
                matched += idf;
            }
        }

        return total > 0 ? matched / total : 0;
    }
}
