using FaqBot.Content;

namespace FaqBot.Search;

/// <summary>
/// The second ranking stage, over the best first-stage candidates. It rewards what BM25F cannot see: the
/// question covering the passage's own title, since a heading or FAQ question is the question the passage
/// answers; and, for a "what is …" question, the article intro that defines its subject. (Rewarding the question's words standing together in one sentence was measured too, and did not
/// help on the dev set.)
/// </summary>
internal sealed class PassageReranker(PassageIndex index, RankingOptions ranking)
{
    public IReadOnlyList<SearchHit> Rerank(List<RankedCandidate> pool, List<WeightedClause> clauses, bool asksDefinition, int limit)
    {
        if (pool.Count == 0)
        {
            return [];
        }

        var topicTerms = TopicTerms(clauses);
        var hits = new List<SearchHit>(pool.Count);
        foreach (var candidate in pool)
        {
            // Both ways: how much of the title the question covers, and how much of the question the title covers.
            var titleMatch = (TitleShareInQuestion(candidate.Passage, topicTerms) + QuestionShareInTitle(candidate.Passage, clauses)) / 2;
            var score = candidate.Score * (1 + (ranking.TitleMatchBonus * titleMatch));
            if (asksDefinition && index.Passages[candidate.Passage].Kind == PassageKind.Intro)
            {
                // An article's intro is where it says what its subject is.
                score *= 1 + ranking.DefinitionIntroBonus;
            }

            hits.Add(new SearchHit(index.Passages[candidate.Passage], score, candidate.Confidence, titleMatch));
        }

        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits.Count > limit ? hits.GetRange(0, limit) : hits;
    }

    /// <summary>The terms of the question's topic clauses (not question or everyday words), for matching titles.</summary>
    private static HashSet<string> TopicTerms(List<WeightedClause> clauses)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var weighted in clauses)
        {
            if (weighted.Clause.Importance >= 1)
            {
                foreach (var alternative in weighted.Clause.Alternatives)
                {
                    terms.UnionWith(alternative.Terms);
                }
            }
        }

        return terms;
    }

    /// <summary>The share of the question's topic (by clause importance) that the passage's title contains.</summary>
    private double QuestionShareInTitle(int passage, List<WeightedClause> clauses)
    {
        var title = index.TitleTerms[passage];
        var total = 0.0;
        var matched = 0.0;
        foreach (var weighted in clauses)
        {
            if (weighted.Clause.Importance < 1)
            {
                continue;
            }

            total += weighted.Importance;
            if (weighted.Clause.Alternatives.Any(a => a.Terms.Any(title.Contains)))
            {
                matched += weighted.Importance;
            }
        }

        return total > 0 ? matched / total : 0;
    }

    /// <summary>The IDF-weighted share of the passage's title terms that the question contains.</summary>
    private double TitleShareInQuestion(int passage, HashSet<string> topicTerms)
    {
        var total = 0.0;
        var matched = 0.0;
        foreach (var term in index.TitleTerms[passage])
        {
            var idf = index.Find(term)?.Idf ?? 0;
            total += idf;
            if (topicTerms.Contains(term))
            {
                matched += idf;
            }
        }

        return total > 0 ? matched / total : 0;
    }
}
