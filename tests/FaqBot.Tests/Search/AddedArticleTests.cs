using FaqBot.Evaluation;
using FaqBot.Search;

namespace FaqBot.Tests.Search;

/// <summary>
/// Articles an editor adds without touching the lexicons (issue #12): their headings make the off-topic words and
/// uncovered phrases they name answerable by them alone, and a question naming one article's subject is not
/// answered from another article.
/// </summary>
[Trait("Category", "Content")]
public class AddedArticleTests
{
    [Theory]
    [InlineData("Hvor længe varer en frossen skulder?", "frossen-skulder#hvor-laenge-varer-en-frossen-skulder")]
    [InlineData("Kan fysioterapi hjælpe på en frossen skulder?", "frossen-skulder#hvordan-kan-fysioterapi-hjaelpe")]
    [InlineData("Hvor længe varer nakkesmerter?", "nakkesmerter#hvor-laenge-varer-nakkesmerter")]
    [InlineData("Hvor lang tid tager en frossen skulder om at gå over?", "frossen-skulder#hvor-laenge-varer-en-frossen-skulder")]
    [InlineData("Hvilke øvelser kan jeg lave for min frosne skulder?", "frossen-skulder#oevelser-ved-frossen-skulder")]
    [InlineData("What exercises help a frozen shoulder?", "frossen-skulder#oevelser-ved-frossen-skulder")]
    public void Answer_OffTopicWordOrPhraseAnAddedHeadingNames_AnswersFromThatPassage(string question, string expectedId)
    {
        Assert.Equal(expectedId, AddedArticlesKnowledge.Instance.Answerer.Answer(question).Best?.Passage.Id);
    }

    [Fact]
    public void Parse_MisspeltOffTopicWordAnAddedHeadingNames_ReadAsThatHeadingsWord()
    {
        var clause = Assert.Single(AddedArticlesKnowledge.Instance.Searcher.Parser.Parse("tenisalbue").Clauses);

        Assert.Equal(ClauseOrigin.Typo, clause.Origin);
        Assert.All(clause.Alternatives, a => Assert.NotNull(a.Within));
    }

    [Fact]
    public void Answer_OffTopicWordAnAddedHeadingNames_StillDeclinedWithoutThatArticle()
    {
        Assert.False(SeedKnowledge.Instance.Answerer.Answer("Hvor længe varer en frossen skulder?").IsMatch);
    }

    [Theory]
    [InlineData("Hvor længe varer iskias?")]
    [InlineData("Hvor lang tid går der normalt, før iskias går over af sig selv?")]
    public void Answer_PhraseOnlyAnotherArticlesHeadingNames_Declined(string question)
    {
        var answer = AddedArticlesKnowledge.Instance.Answerer.Answer(question);
        Assert.False(answer.IsMatch, $"answered {answer.Best?.Passage.Id}");
    }

    /// <summary>
    /// The sets written for the added articles by someone who saw only the articles. Floors a little under the level
    /// measured at stop 24 (answered top-1, NONE declined, overall); first-run figures in the folders' README.
    /// </summary>
    [Theory]
    [InlineData("new-articles/qa-new-articles.tsv", 0.50, 0.60, 0.54)]
    [InlineData("new-articles-2/qa-heldout-new.tsv", 0.62, 0.70, 0.65)]
    [InlineData("new-articles-2/qa-seed-cold.tsv", 0.85, 0.85, 0.86)]
    [InlineData("new-articles-2/qa-heldout-3.tsv", 0.50, 0.76, 0.60)]
    public void AddedArticleSets_StayAboveTheMeasuredLevel(string file, double answered, double declined, double overall)
    {
        QaFloor.Holds(QaEvaluator.Evaluate(AddedArticlesKnowledge.Instance.Answerer, QaFile.Read(ContentTestFiles.DataFile(file))), answered, declined, overall);
    }

    /// <summary>The fourth set, over all seven added articles (its own two in Data/new-articles-3 among them).</summary>
    [Fact]
    public void FourthHeldOutSet_StaysAboveTheMeasuredLevel()
    {
        var cases = QaFile.Read(ContentTestFiles.DataFile("new-articles-3/qa-heldout-4.tsv"));
        QaFloor.Holds(QaEvaluator.Evaluate(AddedArticlesKnowledge.WithSeven.Answerer, cases), 0.45, 0.70, 0.53);
    }
}
