using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Lexicons;
using FaqBot.Search;

namespace FaqBot.Evaluation;

/// <summary>How one article does without the editor's alternative questions (issue #12's "cold article").</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Cases">The in-scope questions about it: every expected passage in this article.</param>
/// <param name="WarmTop1">Answered top-1 with its alternative questions.</param>
/// <param name="ColdTop1">Answered top-1 with them removed, every other article keeping its own.</param>
public sealed record ColdArticleResult(string ArticleId, int Cases, double WarmTop1, double ColdTop1);

/// <summary>
/// For each article, the labelled questions about it scored twice: as the content is, and with that article's
/// alternative questions removed — how an article an editor adds without any does against the others.
/// </summary>
public static class ColdArticleEvaluator
{
    public static IReadOnlyList<ColdArticleResult> Evaluate(
        ContentLoadResult content, Lexicon lexicon, IReadOnlyList<QaCase> cases, AnalysisOptions? analysis = null, RankingOptions? ranking = null)
    {
        var warm = KnowledgeBase.Build(content, lexicon, analysis, ranking).Answerer;
        var results = new List<ColdArticleResult>();
        foreach (var article in content.Articles)
        {
            var prefix = article.Id + "#";
            List<QaCase> about = [.. cases.Where(c => !c.ExpectsNone && c.Expected.All(id => id.StartsWith(prefix, StringComparison.Ordinal)))];
            if (about.Count == 0)
            {
                continue;
            }

            var coldContent = content with { Articles = [.. content.Articles.Select(a => a.Id == article.Id ? WithoutQuestions(a) : a)] };
            var cold = KnowledgeBase.Build(coldContent, lexicon, analysis, ranking).Answerer;
            results.Add(new ColdArticleResult(
                article.Id,
                about.Count,
                QaEvaluator.Evaluate(warm, about).InScopeTop1,
                QaEvaluator.Evaluate(cold, about).InScopeTop1));
        }

        return results;
    }

    private static Article WithoutQuestions(Article article) =>
        article with { Passages = [.. article.Passages.Select(p => p with { AlternativeQuestions = [] })] };
}
