using FaqBot.Content;

namespace FaqBot.Search;

/// <summary>
/// The second ranking stage, over the best first-stage candidates. It rewards what BM25F cannot see: the
/// question matching one the passage answers as a whole (its heading or FAQ question, or one of the editor's
/// alternative questions: <see cref="QuestionMatcher"/>); and, for a "what is …" question, the article intro that
/// defines its subject. (Rewarding the question's words standing together, in one sentence or within three
/// words, was measured too, and did not help.)
/// </summary>
internal sealed class PassageReranker(PassageIndex index, RankingOptions ranking)
{
    public IReadOnlyList<SearchHit> Rerank(List<RankedCandidate> pool, List<WeightedClause> clauses, bool asksDefinition, int limit, SearchScratch scratch)
    {
        if (pool.Count == 0)
        {
            return [];
        }

        var questions = new QuestionMatcher(index, clauses, scratch);
        var hits = new List<SearchHit>(pool.Count);
        foreach (var candidate in pool)
        {
            var titleMatch = questions.Best(candidate.Passage);
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
}
