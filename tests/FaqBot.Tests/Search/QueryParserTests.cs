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
    public void Words_typed_without_aeoeaa_are_found(string word)
    {
        var clause = ClauseFor(Parse($"iskias {word}"), word);
        Assert.Equal(ClauseOrigin.Folded, clause.Origin);
        Assert.NotEmpty(clause.Alternatives);
    }

    [Fact]
    public void A_word_that_is_also_another_typed_without_aeoeaa_keeps_both_readings()
    {
        // "skane": a misspelt "scanne" (a lexicon word) or "skåne" typed without å.
        var clause = ClauseFor(Parse("skal jeg skane mig"), "skane");
        Assert.Contains(clause.Alternatives, a => a.Terms.SequenceEqual(["skån"]));
        Assert.Contains(clause.Alternatives, a => a.Terms.SequenceEqual(["skan"]));
    }

    [Fact]
    public void Parse_DictionaryWordOfEverydayParts_StaysOneLightClause()
    {
        // "nogensinde" (ever) is not "nogens" + "inde".
        var clause = ClauseFor(Parse("bliver det nogensinde godt"), "nogensinde");

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(WordWeights.LightWordFactor, clause.Importance);
    }

    [Fact]
    public void Parse_DictionaryCompoundOfTopicWords_IsStillSplit()
    {
        var query = Parse("rygsmerter");

        Assert.Equal(ClauseOrigin.Compound, ClauseFor(query, "ryg").Origin);
        Assert.Equal(ClauseOrigin.Compound, ClauseFor(query, "smerter").Origin);
    }

    [Fact]
    public void Parse_DictionaryWordWithRealWordsNotCorrected_IsNotCorrectedIntoAnArticleWord()
    {
        var knowledge = KnowledgeBase.Load(ContentTestFiles.ContentDirectory, new AnalysisOptions { RealWordsNotCorrected = true });

        var clause = Assert.Single(knowledge.Answerer.Searcher.Parser.Parse("klinik").Clauses);

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(1, clause.Importance);
        Assert.Equal(ClauseOrigin.Typo, Assert.Single(Parse("klinik").Clauses).Origin);
    }

    [Fact]
    public void Numbers_are_dropped_so_they_never_meet_a_section_number()
    {
        Assert.DoesNotContain(Parse("ondt i 2 måneder").Clauses, c => c.Surface == "2");
    }

    [Fact]
    public void A_stopword_typed_without_aeoeaa_is_dropped()
    {
        Assert.DoesNotContain(Parse("hvornaar naar iskias").Clauses, c => c.Surface == "naar");
    }

    [Theory]
    [InlineData("iskjas")]
    [InlineData("fysiotrapeut")]
    [InlineData("undesøger")]
    public void Misspellings_are_corrected_against_the_index(string word)
    {
        Assert.Equal(ClauseOrigin.Typo, ClauseFor(Parse(word), word).Origin);
    }

    [Fact]
    public void A_misspelt_inflection_the_articles_never_use_is_corrected_by_its_stem()
    {
        // "forbygger" is two edits from every form in the text ("forebygge", "forebyggelse"), but its stem one
        // from theirs.
        var clause = ClauseFor(Parse("forbygger"), "forbygger");
        Assert.Equal(ClauseOrigin.Typo, clause.Origin);
        Assert.Contains(clause.Alternatives, a => a.Terms.SequenceEqual(["forebyg"]));
    }

    [Fact]
    public void An_uncovered_phrase_is_one_clause_no_passage_has()
    {
        var clause = ClauseFor(Parse("hvor lang tid varer det"), "hvor lang tid");
        Assert.Empty(clause.Alternatives);
        Assert.Equal(1, clause.Importance);
        Assert.Equal(ClauseOrigin.Unknown, ClauseFor(Parse("how long does sciatica last"), "how long").Origin);
    }

    [Fact]
    public void A_six_letter_word_is_not_split_into_two_short_parts()
    {
        Assert.DoesNotContain(Parse("hvordan bliver vejret").Clauses, c => c.Origin == ClauseOrigin.Compound);
    }

    [Fact]
    public void A_verbal_noun_meets_its_verb_even_misspelt()
    {
        // "scaning" stems to the same term as "scannes": no typo correction needed.
        Assert.Equal(ClauseOrigin.Exact, ClauseFor(Parse("scaning"), "scaning").Origin);
    }

    [Fact]
    public void Compounds_not_in_the_text_are_split()
    {
        var query = Parse("iskiassmerter rygscanning");
        Assert.Contains(query.Clauses, c => c.Surface == "ryg" && c.Origin == ClauseOrigin.Compound);
        Assert.Contains(query.Clauses, c => c.Surface == "scanning" && c.Origin == ClauseOrigin.Compound);
    }

    [Fact]
    public void Lay_terms_expand_through_the_synonym_lexicon()
    {
        var numse = ClauseFor(Parse("ondt i numsen"), "numsen");
        Assert.Contains(numse.Alternatives, a => a.Terms.SequenceEqual(["bald"]));
    }

    [Fact]
    public void A_multi_word_synonym_merges_its_words()
    {
        var query = Parse("klemt nerve");
        var clause = Assert.Single(query.Clauses);
        Assert.Equal(ClauseOrigin.Lexicon, clause.Origin);
        Assert.Contains(clause.Alternatives, a => a.Terms.Contains("klem"));
    }

    [Fact]
    public void English_questions_are_translated()
    {
        var query = Parse("Do I need an MRI?");
        Assert.True(query.IsEnglish);
        var mri = ClauseFor(query, "mri");
        Assert.Equal(ClauseOrigin.English, mri.Origin);
        Assert.Contains(mri.Alternatives, a => a.Terms.Contains("scan"));
    }

    [Fact]
    public void An_untranslated_english_word_is_not_corrected_into_danish()
    {
        // "lame" in a Danish question is a misspelt "lave"; in an English one it is English.
        Assert.Equal(ClauseOrigin.Typo, ClauseFor(Parse("iskias lame"), "lame").Origin);
        Assert.Equal(ClauseOrigin.Unknown, ClauseFor(Parse("My leg feels lame, is it sciatica?"), "lame").Origin);
    }

    [Fact]
    public void Danish_is_not_mistaken_for_English()
    {
        Assert.False(Parse("Hvad er iskias for noget?").IsEnglish);
    }

    [Fact]
    public void Words_the_articles_never_use_are_unknown_and_weigh_fully()
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
    public void Off_topic_words_weigh_more_than_topic_words_even_inflected_or_compounded(string word)
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
    public void A_word_merely_ending_in_an_off_topic_word_is_not_off_topic(string word)
    {
        Assert.True(ClauseFor(Parse($"iskias {word}"), word).Importance <= 1);
    }

    [Fact]
    public void Question_words_weigh_less_than_topic_words()
    {
        var query = Parse("hvordan virker fysioterapi");
        Assert.True(ClauseFor(query, "hvordan").Importance < ClauseFor(query, "fysioterapi").Importance);
    }

    [Fact]
    public void A_twenty_thousand_letter_word_stays_one_exact_term_neither_corrected_nor_split()
    {
        var word = string.Concat(Enumerable.Repeat("iskiassmerter", 1540));

        var clause = Assert.Single(Parse(word).Clauses);

        Assert.Equal(ClauseOrigin.Unknown, clause.Origin);
        Assert.Equal(word, clause.Surface);
    }
}
