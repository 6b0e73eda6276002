namespace FaqBot.Search.Reranking;

/// <summary>
/// The second ranking stage, over the best first-stage candidates: each candidate's score times the factor of every
/// <see cref="IRerankSignal"/>, in order (<see cref="QuestionMatchSignal"/>, <see cref="DefinitionIntroSignal"/>,
/// <see cref="SubjectAgreementSignal"/>), and its confidence times each signal's confidence factor. A new
/// signal is one type added to <see cref="Signals"/>. (Rewarding the question's words standing together, in one
/// sentence or within three words, was measured too, and did not help.)
/// </summary>
internal sealed class PassageReranker(PassageIndex index, RankingOptions ranking, ArticleSubjects subjects)
{
    /// <summary>Whether a question's subjects are looked for: some article has a subject, and the signal is on.</summary>
    private readonly bool _agreeOnSubjects = !subjects.IsEmpty && ranking.SubjectAgreement;

    /// <summary>The signals, applied in this order.</summary>
    public IReadOnlyList<IRerankSignal> Signals { get; } = !subjects.IsEmpty && ranking.SubjectAgreement
        ? [new QuestionMatchSignal(ranking), new DefinitionIntroSignal(index, ranking), new SubjectAgreementSignal(subjects, ranking)]
        : [new QuestionMatchSignal(ranking), new DefinitionIntroSignal(index, ranking)];

    public IReadOnlyList<SearchHit> Rerank(List<RankedCandidate> pool, List<WeightedClause> clauses, bool asksDefinition, int limit, SearchScratch scratch)
    {
        if (pool.Count == 0)
        {
            return [];
        }

        var named = _agreeOnSubjects ? subjects.Named(clauses) : null;
        var query = new RerankQuery(new QuestionMatcher(index, clauses, scratch), asksDefinition, named);
        var hits = new List<SearchHit>(pool.Count);
        foreach (var candidate in pool)
        {
            var score = candidate.Score;
            var confidence = candidate.Confidence;
            foreach (var signal in Signals)
            {
                score *= signal.Factor(query, candidate.Passage);
                confidence *= signal.ConfidenceFactor(query, candidate.Passage);
            }

            hits.Add(new SearchHit(index.Passages[candidate.Passage], score, confidence, query.QuestionMatch(candidate.Passage)));
        }

        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits.Count > limit ? hits.GetRange(0, limit) : hits;
    }
}
