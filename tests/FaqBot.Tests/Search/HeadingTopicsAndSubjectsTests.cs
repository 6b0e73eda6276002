using FaqBot.Answering;
using FaqBot.Search;

namespace FaqBot.Tests.Search;

/// <summary>
/// The two mechanisms that let an added article answer without lexicon edits, on two small articles: heading topics
/// (an off-topic word or uncovered phrase a heading names is covered by that passage alone) and subject agreement (a
/// question naming one article's subject is not answered from another article).
/// </summary>
public sealed class HeadingTopicsAndSubjectsTests : IDisposable
{
    private const string Knee = """
        ---
        title: Knæsmerter
        ---

        Knæsmerter er almindelige hos løbere.

        ## Hvad forårsager knæsmerter?

        Overbelastning af knæet ved løb er den hyppigste årsag. Ryggen kan også give smerter.

        ## Behandling af knæsmerter

        Træning af lårmusklerne hjælper de fleste.

        ## Hvor længe varer knæsmerter?

        Typisk nogle uger til få måneder.
        """;

    private const string Back = """
        ---
        title: Rygsmerter
        ---

        Rygsmerter rammer de fleste en gang. Et knæ kan også gøre ondt, men det handler denne artikel ikke om.

        ## Hvad forårsager rygsmerter?

        Muskler og led i ryggen er den hyppigste årsag.

        ## Behandling af rygsmerter

        Bevægelse og træning hjælper.

        ## Hjælper varme mod rygsmerter?

        Varme kan lindre muskelspændinger i ryggen.
        """;

    private readonly TempContentDirectory _content = new();

    public HeadingTopicsAndSubjectsTests()
    {
        _content.Write("knae.md", Knee);
        _content.Write("ryg.md", Back);
        _content.Write("lexicon/off-topic-words.txt", "knæ skulder\n");
        _content.Write("lexicon/uncovered-phrases.txt", "hvor længe, hvor lang tid\nhvor mange procent\n");
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Answer_UncoveredPhraseAHeadingNames_AnsweredByThatPassage()
    {
        var answer = Load().Answerer.Answer("Hvor længe varer knæsmerter?");

        Assert.Equal("knae#hvor-laenge-varer-knaesmerter", answer.Best?.Passage.Id);
    }

    [Fact]
    public void Answer_OtherPhraseOfTheHeadingPhrasesGroup_AnsweredByThatPassage()
    {
        // "hvor lang tid" is on the line of "hvor længe", which the heading has.
        var answer = Load().Answerer.Answer("Hvor lang tid varer knæsmerter?");

        Assert.Equal("knae#hvor-laenge-varer-knaesmerter", answer.Best?.Passage.Id);
    }

    [Fact]
    public void Parse_PhraseOfAnotherGroup_StaysUncovered()
    {
        var clause = Load().Searcher.Parser.Parse("hvor mange procent får knæsmerter").Clauses[0];

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Empty(clause.Alternatives);
    }

    [Fact]
    public void Answer_UncoveredPhraseNoHeadingOfTheNamedArticleHas_Declined()
    {
        Assert.False(Load().Answerer.Answer("Hvor længe varer rygsmerter?").IsMatch);
    }

    [Fact]
    public void Parse_OffTopicWordAHeadingNames_MatchesOnlyThosePassages()
    {
        var knowledge = Load();
        var clause = Assert.Single(knowledge.Searcher.Parser.Parse("knæet").Clauses);

        var within = Assert.Single(clause.Alternatives).Within;
        Assert.NotNull(within);
        // Every passage of the knee article (its title names the knee), none of the back article's, whose intro only
        // mentions a knee in passing.
        var passages = within.Select(p => knowledge.Content.Passages[p].ArticleId).Distinct();
        Assert.Equal(["knae"], passages);
    }

    [Fact]
    public void Parse_OffTopicWordNoHeadingNames_StaysUncovered()
    {
        var clause = Assert.Single(Load().Searcher.Parser.Parse("skulderen").Clauses);

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Empty(clause.Alternatives);
    }

    [Fact]
    public void Answer_QuestionNamingOneArticlesSubject_NotAnsweredFromTheOther()
    {
        // "knæsmerter" is in most of the knee article's section titles and none of the back article's.
        var answer = Load().Answerer.Answer("Hjælper varme mod knæsmerter?");

        Assert.NotEqual("ryg", answer.Best?.Passage.ArticleId);
    }

    [Fact]
    public void Answer_WithoutSubjectAgreement_OtherArticlesHeadingWins()
    {
        // The same question, with the signal off: the back article's "Hjælper varme …" heading shares most words.
        var answer = Load(new RankingOptions { SubjectAgreement = false }).Answerer.Answer("Hjælper varme mod knæsmerter?");

        Assert.Equal("ryg#hjaelper-varme-mod-rygsmerter", answer.Best?.Passage.Id);
    }

    private KnowledgeBase Load(RankingOptions? ranking = null) => KnowledgeBase.Load(_content.Path, ranking: ranking);
}
