using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Evaluation;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Search;

/// <summary>Retrieval on the dev set and on characteristic questions.</summary>
[Trait("Category", "Content")]
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
    [InlineData("Hvor længe skal jeg hvile mig, når iskias er værst?", "iskias#skal-jeg-holde-mig-i-ro-naar-jeg-har-iskias-smerter")]
    [InlineData("Jeg har haft ondt længe og har prøvet alt muligt. Min kone synes jeg er sur. Hjælper øvelser mod iskias?", "iskias#hjaelper-oevelser-mod-iskias-smerter")]
    public void AnswersWithThePassageThatCoversTheQuestion(string question, string expectedId)
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
    [InlineData("Hvor lang tid tager det at komme sig over iskias?")]
    [InlineData("kan jeg flytte min tid til næste uge")]
    [InlineData("")]
    public void DeclinesWhatNoArticleCovers(string question)
    {
        Assert.False(SeedKnowledge.Instance.Answerer.Answer(question).IsMatch);
    }

    [Fact]
    public void ConfidenceIsNormalised()
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
    /// The targets on the dev set: in-scope top-1 ≥ 0.90, NONE declined ≥ 0.85, overall ≥ 0.88 (measured
    /// 0.926, 0.955, 0.933). Lucene's DanishAnalyzer gets 0.50 ranked top-1 and 0.47 overall.
    /// </summary>
    [Fact]
    public void DevSetMeetsTheTargets()
    {
        var report = QaEvaluator.Evaluate(SeedKnowledge.Instance.Answerer, DevSet);
        Assert.True(report.InScopeTop1 >= 0.90, $"answered top-1 {report.InScopeTop1:0.000}");
        Assert.True(report.NoneDeclined >= 0.85, $"NONE declined {report.NoneDeclined:0.000}");
        Assert.True(report.Overall >= 0.88, $"overall {report.Overall:0.000}");
    }

    /// <summary>
    /// Seven more QA sets, each written from the articles alone by someone who never saw the lexicons, the ranking,
    /// the alternative questions or the other sets (see README for what each measured on its first run). Floors a
    /// little under the measured level (answered top-1, NONE declined, overall).
    /// </summary>
    [Theory]
    [InlineData("extra-qa.tsv", 0.90, 0.90, 0.90)]
    [InlineData("extra-qa-2.tsv", 0.84, 0.92, 0.86)]
    [InlineData("extra-qa-3.tsv", 0.87, 0.86, 0.87)]
    [InlineData("extra-qa-4.tsv", 0.92, 0.73, 0.87)]
    [InlineData("extra-qa-5.tsv", 0.90, 0.86, 0.89)]
    [InlineData("extra-qa-6.tsv", 0.88, 0.82, 0.87)]
    [InlineData("extra-qa-7.tsv", 0.90, 0.86, 0.89)]
    public void IndependentSetsStayAboveTheMeasuredLevel(string file, double answered, double declined, double overall)
    {
        QaFloor.Holds(QaEvaluator.Evaluate(SeedKnowledge.Instance.Answerer, QaFile.Read(ContentTestFiles.DataFile(file))), answered, declined, overall);
    }

    [Fact]
    public void FaqbotAdditionsBeatTheLuceneEquivalentAnalysis()
    {
        var lucene = KnowledgeBase.Load(ContentTestFiles.ContentDirectory, AnalysisOptions.LuceneEquivalent);
        var luceneReport = QaEvaluator.Evaluate(lucene.Answerer, DevSet);
        var report = QaEvaluator.Evaluate(SeedKnowledge.Instance.Answerer, DevSet);
        Assert.True(report.Overall > luceneReport.Overall + 0.1, $"{report.Overall:0.000} vs {luceneReport.Overall:0.000}");
        Assert.True(report.Mrr5 > luceneReport.Mrr5, $"{report.Mrr5:0.000} vs {luceneReport.Mrr5:0.000}");
    }
}
