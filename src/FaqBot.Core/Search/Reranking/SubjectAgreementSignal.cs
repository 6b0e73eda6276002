namespace FaqBot.Search.Reranking;

/// <summary>
/// When the question names what some articles are about (<see cref="ArticleSubjects"/>), a passage from another
/// article is a worse answer, and a less confident one: × <see cref="RankingOptions.SubjectMismatchFactor"/>. So
/// "Hvor længe varer iskias?" is not answered by "Hvor længe varer en tennisalbue?" because the two share a phrase.
/// </summary>
internal sealed class SubjectAgreementSignal(ArticleSubjects subjects, RankingOptions ranking) : IRerankSignal
{
    public double Factor(RerankQuery query, int passage) =>
        query.NamedArticles is { } named && !named.Contains(subjects.ArticleOf(passage)) ? ranking.SubjectMismatchFactor : 1;

    public double ConfidenceFactor(RerankQuery query, int passage) => Factor(query, passage);
}
