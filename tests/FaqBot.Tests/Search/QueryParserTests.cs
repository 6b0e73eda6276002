using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Search;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Search;

/// <summary>Each of FaqBot's additions resolves the words it is for, against the real articles and lexicons.</summary>
public class QueryParserTests
{
    private static ParsedQuery Parse(string question) => SeedKnowledge.Instance.Answerer.Searcher.Parser.Parse(question);

    private static QueryClause ClauseFor(ParsedQuery query, string surface) =>
        Assert.Single(query.Clauses, c => c.Surface == surface);

    [Theory]
    [InlineData("hjaelp")]
    [InlineData("ovelser")]
    [InlineData("soege")]
    public void WordsTypedWithoutAeoeaaAreFound(string word)
    {
        var clause = ClauseFor(Parse($"iskias {word}"), word);
        Assert.Equal(ClauseOrigin.Folded, clause.Origin);
        Assert.NotEmpty(clause.Alternatives);
    }

    [Fact]
    public void AWordThatIsAlsoAnotherTypedWithoutAeoeaaKeepsBothReadings()
    {
        // "skane": a misspelt "scanne" (a lexicon word) or "skåne" typed without å.
        var clause = ClauseFor(Parse("skal jeg skane mig"), "skane");
        Assert.Contains(clause.Alternatives, a => a.Terms.SequenceEqual(["skån"]));
        Assert.Contains(clause.Alternatives, a => a.Terms.SequenceEqual(["skan"]));
    }

    [Fact]
    public void ADictionaryWordOfEverydayPartsStaysOneLightClause()
    {
        // "nogensinde" (ever) is not "nogens" + "inde".
        var clause = ClauseFor(Parse("bliver det nogensinde godt"), "nogensinde");

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(WordWeights.LightWordFactor, clause.Importance);
    }

    [Fact]
    public void ADictionaryCompoundOfTopicWordsIsStillSplit()
    {
        var query = Parse("rygsmerter");

        Assert.Equal(ClauseOrigin.Compound, ClauseFor(query, "ryg").Origin);
        Assert.Equal(ClauseOrigin.Compound, ClauseFor(query, "smerter").Origin);
    }

    [Fact]
    public void WithRealWordsNotCorrectedADictionaryWordIsNotCorrectedIntoAnArticleWord()
    {
        var knowledge = KnowledgeBase.Load(ContentTestFiles.ContentDirectory, new AnalysisOptions { RealWordsNotCorrected = true });

        var clause = Assert.Single(knowledge.Answerer.Searcher.Parser.Parse("klinik").Clauses);

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(1, clause.Importance);
        Assert.Equal(ClauseOrigin.Typo, Assert.Single(Parse("klinik").Clauses).Origin);
    }

    [Fact]
    public void NumbersAreDroppedSoTheyNeverMeetASectionNumber()
    {
        Assert.DoesNotContain(Parse("ondt i 2 måneder").Clauses, c => c.Surface == "2");
    }

    [Fact]
    public void AStopwordTypedWithoutAeoeaaIsDropped()
    {
        Assert.DoesNotContain(Parse("hvornaar naar iskias").Clauses, c => c.Surface == "naar");
    }

    [Theory]
    [InlineData("iskjas")]
    [InlineData("fysiotrapeut")]
    [InlineData("undesøger")]
    public void MisspellingsAreCorrectedAgainstTheIndex(string word)
    {
        Assert.Equal(ClauseOrigin.Typo, ClauseFor(Parse(word), word).Origin);
    }

    [Fact]
    public void AMisspeltInflectionTheArticlesNeverUseIsCorrectedByItsStem()
    {
        // "forbygger" is two edits from every form in the text ("forebygge", "forebyggelse"), but its stem one
        // from theirs.
        var clause = ClauseFor(Parse("forbygger"), "forbygger");
        Assert.Equal(ClauseOrigin.Typo, clause.Origin);
        Assert.Contains(clause.Alternatives, a => a.Terms.SequenceEqual(["forebyg"]));
    }

    [Fact]
    public void AnUncoveredPhraseIsOneClauseNoPassageHas()
    {
        var clause = ClauseFor(Parse("hvor lang tid varer det"), "hvor lang tid");
        Assert.Empty(clause.Alternatives);
        Assert.Equal(1, clause.Importance);
        Assert.Equal(ClauseOrigin.Unknown, ClauseFor(Parse("how long does sciatica last"), "how long").Origin);
    }

    [Fact]
    public void AnEnglishWordTranslatedIntoAnUncoveredPhraseIsThatPhrase()
    {
        // "drive" = "køre bil", which the articles never speak of, in English as in Danish; "car" = "bil" is in it.
        var query = Parse("Can I still drive my car when I have sciatica?");
        Assert.Equal(ClauseOrigin.Unknown, ClauseFor(query, "drive").Origin);
        Assert.DoesNotContain(query.Clauses, c => c.Surface == "car");
    }

    [Fact]
    public void AnEnglishWordTranslatedIntoAnOffTopicWordIsOffTopic()
    {
        // "shoulder" = "skulder", which no shipped article is about: in English as in Danish.
        var query = Parse("What exercises help my shoulder?");
        var english = ClauseFor(query, "skulder");
        var danish = ClauseFor(Parse("Hvilke øvelser hjælper min skulder?"), "skulder");
        Assert.Empty(english.Alternatives);
        Assert.Equal(danish.Importance, english.Importance);
        Assert.True(english.Importance > 1);
    }

    [Fact]
    public void ASixLetterWordIsNotSplitIntoTwoShortParts()
    {
        Assert.DoesNotContain(Parse("hvordan bliver vejret").Clauses, c => c.Origin == ClauseOrigin.Compound);
    }

    [Fact]
    public void AVerbalNounMeetsItsVerbEvenMisspelt()
    {
        // "scaning" stems to the same term as "scannes": no typo correction needed.
        Assert.Equal(ClauseOrigin.Exact, ClauseFor(Parse("scaning"), "scaning").Origin);
    }

    [Fact]
    public void CompoundsNotInTheTextAreSplit()
    {
        var query = Parse("iskiassmerter rygscanning");
        Assert.Contains(query.Clauses, c => c.Surface == "ryg" && c.Origin == ClauseOrigin.Compound);
        Assert.Contains(query.Clauses, c => c.Surface == "scanning" && c.Origin == ClauseOrigin.Compound);
    }

    [Fact]
    public void LayTermsExpandThroughTheSynonymLexicon()
    {
        var numse = ClauseFor(Parse("ondt i numsen"), "numsen");
        Assert.Contains(numse.Alternatives, a => a.Terms.SequenceEqual(["bald"]));
    }

    [Fact]
    public void AMultiWordSynonymMergesItsWords()
    {
        var query = Parse("klemt nerve");
        var clause = Assert.Single(query.Clauses);
        Assert.Equal(ClauseOrigin.Lexicon, clause.Origin);
        Assert.Contains(clause.Alternatives, a => a.Terms.Contains("klem"));
    }

    [Fact]
    public void EnglishQuestionsAreTranslated()
    {
        var query = Parse("Do I need an MRI?");
        Assert.True(query.IsEnglish);
        var mri = ClauseFor(query, "mri");
        Assert.Equal(ClauseOrigin.English, mri.Origin);
        Assert.Contains(mri.Alternatives, a => a.Terms.Contains("scan"));
    }

    [Fact]
    public void AnUntranslatedEnglishWordIsNotCorrectedIntoDanish()
    {
        // "lame" in a Danish question is a misspelt "lave"; in an English one it is English.
        Assert.Equal(ClauseOrigin.Typo, ClauseFor(Parse("iskias lame"), "lame").Origin);
        Assert.Equal(ClauseOrigin.Unknown, ClauseFor(Parse("My leg feels lame, is it sciatica?"), "lame").Origin);
    }

    [Fact]
    public void DanishIsNotMistakenForEnglish()
    {
        Assert.False(Parse("Hvad er iskias for noget?").IsEnglish);
    }

    [Fact]
    public void WordsTheArticlesNeverUseAreUnknownAndWeighFully()
    {
        var clause = ClauseFor(Parse("forskningsprojekt"), "forskningsprojekt");
        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(1, clause.Importance);
    }

    [Theory]
    [InlineData("tennisalbue")]
    [InlineData("skulderen")]
    [InlineData("priserne")]
    [InlineData("prostatakraeft")] // the modifier is no known word, and typed without æ
    [InlineData("brystkræften")]
    public void OffTopicWordsWeighMoreThanTopicWordsEvenInflectedOrCompounded(string word)
    {
        var clause = ClauseFor(Parse(word), word);
        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.True(clause.Importance > 1);
    }

    [Theory]
    [InlineData("forhånd")] // "på forhånd": too short a modifier for "hånd"
    [InlineData("varme")] // not "arme"
    [InlineData("efterhånden")] // not "hånd"
    [InlineData("kræfter")] // strength, a lexicon word, not an inflection of "kræft" (cancer)
    public void AWordMerelyEndingInAnOffTopicWordIsNotOffTopic(string word)
    {
        Assert.True(ClauseFor(Parse($"iskias {word}"), word).Importance <= 1);
    }

    [Fact]
    public void QuestionWordsWeighLessThanTopicWords()
    {
        var query = Parse("hvordan virker fysioterapi");
        Assert.True(ClauseFor(query, "hvordan").Importance < ClauseFor(query, "fysioterapi").Importance);
    }

    [Fact]
    public void ATwentyThousandLetterWordStaysOneExactTermNeitherCorrectedNorSplit()
    {
        var word = string.Concat(Enumerable.Repeat("iskiassmerter", 1540));

        var clause = Assert.Single(Parse(word).Clauses);

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(word, clause.Surface);
    }
}
