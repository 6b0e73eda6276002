using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Evaluation;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Search;

/// <summary>Retrieval on the dev set and on characteristic questions.</summary>
public class RetrievalTests
{
    private static readonly IReadOnlyList<QaCase> DevSet = QaFile.Read(ContentTestFiles.DataFile("dev-qa.tsv"));

    [Theory]
    [InlineData("Hvornår bør jeg søge hjælp?", "iskias#hvornaar-boer-du-soege-hjaelp")]
    [InlineData("hjaelper ovelser mod iskias", "iskias#hjaelper-oevelser-mod-iskias-smerter")]
    [InlineData("Skal jeg scannes for at få den rigtige behandling?", "iskias#skal-jeg-scannes-for-at-faa-den-rigtige-behandling")]
    [InlineData("fysioterapi mod iskias", "iskias#hvordan-kan-fysioterapi-hjaelpe")]
    [InlineData("Can my nervous system become more sensitive?", "ondt-i-balden-og-benet#4-dit-nervesystem-kan-blive-mere-foelsomt")]
    [InlineData("Hvad er iskias?", "iskias#intro")]
    [InlineData("what is sciatica", "iskias#intro")]
    [InlineData("hej, hvad er iskias?", "iskias#intro")]
    [InlineData("Hej! Hvad er iskias for noget?", "iskias#intro")]
    [InlineData("Jeg har haft ondt længe og har prøvet alt muligt. Min kone synes jeg er sur. Hjælper øvelser mod iskias?", "iskias#hjaelper-oevelser-mod-iskias-smerter")]
    public void Answers_with_the_passage_that_covers_the_question(string question, string expectedId)
    {
        var answer = SeedKnowledge.Instance.Answerer.Answer(question);
        Assert.Equal(expectedId, answer.Best?.Passage.Id);
    }

    [Theory]
    [InlineData("Hvordan behandler man en tennisalbue?")]
    [InlineData("Har I åbent om lørdagen?")]
    [InlineData("Hvad koster en behandling hos jer?")]
    [InlineData("Kan jeg tage panodil og ipren samtidig?")]
    [InlineData("Kan fysioterapi hjælpe på en frossen skulder?")]
    [InlineData("asdf qwerty")]
    [InlineData("")]
    public void Declines_what_no_article_covers(string question)
    {
        Assert.False(SeedKnowledge.Instance.Answerer.Answer(question).IsMatch);
    }

    [Fact]
    public void Confidence_is_normalised()
    {
        foreach (var qaCase in DevSet)
        {
            foreach (var hit in SeedKnowledge.Instance.Answerer.Searcher.Search(qaCase.Question))
            {
                Assert.InRange(hit.Confidence, 0, 1);
            }
        }
    }

    /// <summary>
    /// A regression floor, not the target: the issue asks for in-scope top-1 ≥ 0.90 and overall ≥ 0.88, which this
    /// ranking does not reach yet (see README). Lucene's DanishAnalyzer gets 0.50 ranked top-1 and 0.47 overall.
    /// </summary>
    [Fact]
    public void Dev_set_stays_above_the_measured_level_and_the_lucene_floor()
    {
        var report = QaEvaluator.Evaluate(SeedKnowledge.Instance.Answerer, DevSet);
        Assert.True(report.InScopeRankedTop1 >= 0.82, $"ranked top-1 {report.InScopeRankedTop1:0.000}");
        Assert.True(report.InScopeTop1 >= 0.84, $"answered top-1 {report.InScopeTop1:0.000}");
        Assert.True(report.Overall >= 0.86, $"overall {report.Overall:0.000}");
        Assert.True(report.NoneDeclined >= 0.85, $"NONE declined {report.NoneDeclined:0.000}");
    }

    /// <summary>
    /// The second QA set (<c>Data/extra-qa.tsv</c>): 60 + 20 questions written from the articles alone by someone
    /// who never saw the lexicons or the ranking. A floor under the measured level, as above.
    /// </summary>
    [Fact]
    public void Independent_set_stays_above_the_measured_level()
    {
        var report = QaEvaluator.Evaluate(SeedKnowledge.Instance.Answerer, QaFile.Read(ContentTestFiles.DataFile("extra-qa.tsv")));
        Assert.True(report.InScopeTop1 >= 0.80, $"answered top-1 {report.InScopeTop1:0.000}");
        Assert.True(report.NoneDeclined >= 0.90, $"NONE declined {report.NoneDeclined:0.000}");
        Assert.True(report.Overall >= 0.84, $"overall {report.Overall:0.000}");
    }

    [Fact]
    public void Faqbot_additions_beat_the_lucene_equivalent_analysis()
    {
        var lucene = KnowledgeBase.Load(ContentTestFiles.ContentDirectory, AnalysisOptions.LuceneEquivalent);
        var luceneReport = QaEvaluator.Evaluate(lucene.Answerer, DevSet);
        var report = QaEvaluator.Evaluate(SeedKnowledge.Instance.Answerer, DevSet);
        Assert.True(report.Overall > luceneReport.Overall + 0.1, $"{report.Overall:0.000} vs {luceneReport.Overall:0.000}");
        Assert.True(report.Mrr5 > luceneReport.Mrr5, $"{report.Mrr5:0.000} vs {luceneReport.Mrr5:0.000}");
    }
}
