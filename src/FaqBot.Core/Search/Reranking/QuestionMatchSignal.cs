namespace FaqBot.Search.Reranking;

/// <summary>
/// The question matching one the passage answers as a whole (its heading or FAQ question, or one of the editor's
/// alternative questions: <see cref="QuestionMatcher"/>): × (1 + <see cref="RankingOptions.TitleMatchBonus"/> × match).
/// </summary>
internal sealed class QuestionMatchSignal(RankingOptions ranking) : IRerankSignal
{
    public double Factor(RerankQuery query, int passage) => 1 + (ranking.TitleMatchBonus * query.QuestionMatch(passage));
}
