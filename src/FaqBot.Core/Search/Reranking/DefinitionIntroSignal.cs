using FaqBot.Content;

namespace FaqBot.Search.Reranking;

/// <summary>
/// For a "what is …" question, the article intro, which is where an article says what its subject is:
/// × (1 + <see cref="RankingOptions.DefinitionIntroBonus"/>).
/// </summary>
internal sealed class DefinitionIntroSignal(PassageIndex index, RankingOptions ranking) : IRerankSignal
{
    public double Factor(RerankQuery query, int passage) =>
        query.AsksDefinition && index.Passages[passage].Kind == PassageKind.Intro ? 1 + ranking.DefinitionIntroBonus : 1;
}
