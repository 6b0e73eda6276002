using FaqBot.Content;

namespace FaqBot.Search;

/// <summary>
/// The second ranking stage, over the best first-stage candidates. It rewards what BM25F cannot see: the
/// question matching one the passage answers as a whole (its heading or FAQ question, or one of the editor's
/// alternative questions); and, for a "what is …" question, the article intro that defines its subject. (Rewarding the question's words standing together in one sentence was measured too, and did not
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

        var questionTerms = QuestionTerms(clauses);
        var hits = new List<SearchHit>(pool.Count);
        foreach (var candidate in pool)
        {
            var titleMatch = BestQuestionMatch(candidate.Passage, questionTerms, clauses);
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

    /// <summary>
    /// All the question's terms, for matching titles: its question words too ("hvad giver iskias" asks for causes,
    /// "hvornår" for a time), which weigh by their low importance and IDF.
    /// </summary>
    private static HashSet<string> QuestionTerms(List<WeightedClause> clauses)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var weighted in clauses)
        {
            foreach (var alternative in weighted.Clause.Alternatives)
            {
                terms.UnionWith(alternative.Terms);
            }
        }

        return terms;
    }

    /// <summary>
    /// How well the patient's question matches the best of the questions the passage answers (its title, the
    /// editor's alternatives): both ways, how much of that question the patient's covers and how much of the
    /// patient's that question covers.
    /// </summary>
    private double BestQuestionMatch(int passage, HashSet<string> questionTerms, List<WeightedClause> clauses)
    {
        var best = 0.0;
        foreach (var asked in index.QuestionTerms[passage])
        {
            best = Math.Max(best, (AskedShareInQuestion(asked, questionTerms) + QuestionShareInAsked(asked, clauses)) / 2);
        }

        return best;
    }

    /// <summary>The share of the question (by clause importance) that one answered question contains.</summary>
    private static double QuestionShareInAsked(string[] asked, List<WeightedClause> clauses)
    {
        var total = 0.0;
        var matched = 0.0;
        foreach (var weighted in clauses)
        {
            total += weighted.Importance;
            if (weighted.Clause.Alternatives.Any(a => a.Terms.Any(asked.Contains)))
            {
                matched += weighted.Importance;
            }
        }

        return total > 0 ? matched / total : 0;
    }

    /// <summary>The IDF-weighted share of one answered question's terms that the patient's question contains.</summary>
    private double AskedShareInQuestion(string[] asked, HashSet<string> questionTerms)
    {
        var total = 0.0;
        var matched = 0.0;
        foreach (var term in asked)
        {
            var idf = index.Find(term)?.Idf ?? 0;
            total += idf;
            if (questionTerms.Contains(term))
            {
                matched += idf;
            }
        }

        return total > 0 ? matched / total : 0;
    }
}
