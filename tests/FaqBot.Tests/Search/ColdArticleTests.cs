using FaqBot.Evaluation;

namespace FaqBot.Tests.Search;

/// <summary>
/// Issue #12's "cold article": each article's questions from every shipped QA set, answered with and without the
/// article's alternative questions. Floors a little under the level measured at stop 23 (iskias 0.383 of 274,
/// ondt-i-balden-og-benet 0.300 of 180): far under the issue's 0.80, and not to fall further.
/// </summary>
[Trait("Category", "Content")]
public class ColdArticleTests
{
    private static readonly string[] Sets =
        ["dev-qa.tsv", "extra-qa.tsv", "extra-qa-2.tsv", "extra-qa-3.tsv", "extra-qa-4.tsv", "extra-qa-5.tsv", "extra-qa-6.tsv", "extra-qa-7.tsv", "new-articles-2/qa-seed-cold.tsv"];

    [Fact]
    public void Evaluate_ShippedArticlesWithoutTheirQuestions_StayAboveTheMeasuredLevel()
    {
        var knowledge = SeedKnowledge.Instance;
        var cases = Sets.SelectMany(set => QaFile.Read(ContentTestFiles.DataFile(set))).ToList();

        var results = ColdArticleEvaluator.Evaluate(knowledge.Content, knowledge.Lexicon, cases).ToDictionary(r => r.ArticleId);

        Assert.True(results["iskias"].ColdTop1 >= 0.35, $"iskias cold {results["iskias"].ColdTop1:0.000}");
        Assert.True(results["ondt-i-balden-og-benet"].ColdTop1 >= 0.27, $"ondt-i-balden-og-benet cold {results["ondt-i-balden-og-benet"].ColdTop1:0.000}");
        Assert.All(results.Values, r => Assert.True(r.WarmTop1 > r.ColdTop1, $"{r.ArticleId}: {r.WarmTop1:0.000} with its questions, {r.ColdTop1:0.000} without"));
    }

    [Fact]
    public void Evaluate_ArticleWithoutQuestions_SameWarmAndCold()
    {
        var knowledge = AddedArticlesKnowledge.Instance;
        var cases = QaFile.Read(ContentTestFiles.DataFile("new-articles-2/qa-heldout-new.tsv"));

        var tennis = ColdArticleEvaluator.Evaluate(knowledge.Content, knowledge.Lexicon, cases).Single(r => r.ArticleId == "tennisalbue");

        Assert.Equal(14, tennis.Cases);
        Assert.Equal(tennis.WarmTop1, tennis.ColdTop1);
    }
}
