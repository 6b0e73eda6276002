using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Lexicons;

namespace FaqBot.Tests.Content;

/// <summary>The editor's alternative questions (<c>questions/&lt;article&gt;.yml</c>): loading, problems, and their effect on answers.</summary>
public sealed class AlternativeQuestionsTests : IDisposable
{
    private const string Article = """
        ---
        title: Ryggen
        ---

        Om ryggen.

        ## Hvordan stilles diagnosen?

        En grundig samtale og en fysisk undersøgelse.

        ## Hvornår bør du søge hjælp?

        Ved vedvarende smerter.
        """;

    private readonly TempContentDirectory _dir = new();

    public AlternativeQuestionsTests() => _dir.Write("ryg.md", Article);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void QuestionsAreAttachedToTheirPassages()
    {
        _dir.Write("questions/ryg.yml", """
            # Comments are fine.
            hvordan-stilles-diagnosen:
              - Hvordan finder man ud af, hvad der er galt?
              - "Hvad kigger lægen efter: reflekser?"
            intro:
              - Hvad handler det her om?
            """);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        Assert.Empty(result.Problems);
        var diagnosis = result.Passages.Single(p => p.Id == "ryg#hvordan-stilles-diagnosen");
        Assert.Equal(["Hvordan finder man ud af, hvad der er galt?", "Hvad kigger lægen efter: reflekser?"], diagnosis.AlternativeQuestions);
        Assert.Equal(["Hvad handler det her om?"], result.Passages.Single(p => p.Id == "ryg#intro").AlternativeQuestions);
        Assert.Empty(result.Passages.Single(p => p.Id == "ryg#hvornaar-boer-du-soege-hjaelp").AlternativeQuestions);
    }

    [Theory]
    [InlineData("hvordan-stilles-diagnosen:\n  - Godt spørgsmål?\nhvordan-stilles-diagnosen-x:\n  - Hvad så?\n", 3, "'hvordan-stilles-diagnosen-x' is not a passage of ryg.md; its passages are: intro, hvordan-stilles-diagnosen, hvornaar-boer-du-soege-hjaelp")]
    [InlineData("hvordan-stilles-diagnosen:\n  - Godt spørgsmål?\nintro: Hvad handler det om?\n", 3, "'intro' must be followed by a list of questions")]
    [InlineData("hvordan-stilles-diagnosen:\n  - Godt spørgsmål?\n  - - indlejret\n", 3, "must be one line of text")]
    [InlineData("hvordan-stilles-diagnosen:\n  - Godt spørgsmål?\n  - \"\"\n", 3, "must be one line of text")]
    public void ABrokenEntryIsReportedAtItsLineAndTheRestApplies(string yaml, int line, string message)
    {
        var path = _dir.Write("questions/ryg.yml", yaml);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, line), (problem.Path, problem.Line));
        Assert.Contains(message, problem.Message);
        Assert.Equal(["Godt spørgsmål?"], result.Passages.Single(p => p.Id == "ryg#hvordan-stilles-diagnosen").AlternativeQuestions);
    }

    [Theory]
    [InlineData("hvordan-stilles-diagnosen:\n  - \"ikke lukket\n", 2, "invalid YAML")]
    [InlineData("- bare en liste\n", 1, "expected 'passage-slug:' lines")]
    public void ABrokenFileIsReportedAndTheArticleStillLoads(string yaml, int line, string message)
    {
        var path = _dir.Write("questions/ryg.yml", yaml);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, line), (problem.Path, problem.Line));
        Assert.Contains(message, problem.Message);
        Assert.Equal(3, result.Passages.Count);
    }

    [Fact]
    public void ASlugListedTwiceKeepsBothListsAndIsReported()
    {
        var path = _dir.Write("questions/ryg.yml", "intro:\n  - Første?\nhvordan-stilles-diagnosen:\n  - Hvordan?\nintro:\n  - Anden?\n");

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, 5), (problem.Path, problem.Line));
        Assert.Contains("listed twice (also at line 1)", problem.Message);
        Assert.Equal(["Første?", "Anden?"], result.Passages.Single(p => p.Id == "ryg#intro").AlternativeQuestions);
        Assert.Equal(["Hvordan?"], result.Passages.Single(p => p.Id == "ryg#hvordan-stilles-diagnosen").AlternativeQuestions);
    }

    [Fact]
    public void AQuestionOverTwoLinesIsReportedAndAnUpperCaseExtensionIsRead()
    {
        var path = _dir.Write("questions/ryg.YML", "intro:\n  - |\n    Hvad er\n    ryggen?\n  - Hvad handler det om?\n");

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, 2), (problem.Path, problem.Line));
        Assert.Contains("must be one line of text", problem.Message);
        Assert.Equal(["Hvad handler det om?"], result.Passages.Single(p => p.Id == "ryg#intro").AlternativeQuestions);
    }

    [Fact]
    public void AFileForNoArticleIsReported()
    {
        var path = _dir.Write("questions/ryggen.yml", "intro:\n  - Hvad?\n");

        var problem = Assert.Single(ContentLoader.LoadDirectory(_dir.Path).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains("no loaded article 'ryggen.md'", problem.Message);
    }

    [Fact]
    public void AnAlternativeQuestionFindsAPassageItsTextNeverWords()
    {
        const string Question = "Hvad tjekker de, når man kommer ind første gang?";
        var before = KnowledgeBase.Build(ContentLoader.LoadDirectory(_dir.Path), LexiconLoader.Load(_dir.Path));
        Assert.NotEqual("ryg#hvordan-stilles-diagnosen", before.Answerer.Answer(Question).Best?.Passage.Id);

        _dir.Write("questions/ryg.yml", "hvordan-stilles-diagnosen:\n  - Hvad tjekker de første gang, man kommer ind?\n");
        var after = KnowledgeBase.Build(ContentLoader.LoadDirectory(_dir.Path), LexiconLoader.Load(_dir.Path));

        Assert.Equal("ryg#hvordan-stilles-diagnosen", after.Answerer.Answer(Question).Best?.Passage.Id);
    }
}
