namespace FaqBot.Search.Reranking;

/// <summary>
/// One thing the second ranking stage rewards that BM25F cannot see. Each signal is one type, with its parameters in
/// <see cref="RankingOptions"/> (marked <see cref="RankingParameterAttribute"/>, so <c>eval --set</c> finds them by
/// name). A candidate's score is multiplied by every signal's factor in turn; a signal with nothing to say gives 1.
/// </summary>
internal interface IRerankSignal
{
    /// <summary>The factor (≥ 1 to reward) for <paramref name="passage"/> as an answer to the question of <paramref name="query"/>.</summary>
    double Factor(RerankQuery query, int passage);

    /// <summary>The factor (≤ 1 to doubt) for the candidate's confidence that it answers the question; most signals leave it.</summary>
    double ConfidenceFactor(RerankQuery query, int passage) => 1;
}
