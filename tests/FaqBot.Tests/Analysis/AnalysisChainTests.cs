using FaqBot.Analysis;

namespace FaqBot.Tests.Analysis;

public class AnalysisChainTests
{
    [Fact]
    public void Tokenizer_splits_on_punctuation_and_hyphens_and_lower_cases()
    {
        Assert.Equal(["iskias", "smerter", "er", "mr", "scanning", "nødvendig", "30", "km"], WordTokens.Of("Iskias-smerter: er MR-scanning nødvendig? 30 km"));
    }

    [Fact]
    public void Tokenizer_handles_tokens_longer_than_its_buffer()
    {
        var longWord = new string('a', 100);
        Assert.Equal([longWord, "b"], WordTokens.Of(longWord.ToUpperInvariant() + " B"));
    }

    [Theory]
    [InlineData("hjælp", "hjaelp", "hjalp")]
    [InlineData("øvelser", "oevelser", "ovelser")]
    [InlineData("hvornår", "hvornaar", "hvornar")]
    [InlineData("café", "cafe", "cafe")]
    [InlineData("ryg", "ryg", "ryg")]
    public void Folding_gives_digraph_and_bare_letter_keys(string word, string digraphs, string bare)
    {
        Assert.Equal(digraphs, DanishFolding.ToDigraphs(word));
        Assert.Equal(bare, DanishFolding.ToBareLetters(word));
    }

    [Fact]
    public void Stopwords_are_the_94_snowball_words()
    {
        Assert.Equal(94, DanishStopwords.Words.Count);
        Assert.True(DanishStopwords.Contains("når"));
        Assert.False(DanishStopwords.Contains("iskias"));
    }

    [Theory]
    [InlineData("scanning", "scan")]
    [InlineData("træning", "træn")]
    [InlineData("behandling", "behandl")]
    [InlineData("operation", "oper")]
    [InlineData("ting", "ting")]
    [InlineData("ring", "ring")]
    [InlineData("iskia", "iskia")]
    public void Derivational_filter_joins_verbal_nouns_with_verbs(string stem, string expected)
    {
        Assert.Equal(expected, DerivationalSuffixFilter.Apply(stem));
    }

    [Fact]
    public void Term_analyzer_makes_scanning_and_scannes_meet_only_when_enabled()
    {
        var withFilter = new DanishTermAnalyzer(new AnalysisOptions());
        var luceneLike = new DanishTermAnalyzer(AnalysisOptions.LuceneEquivalent);
        Assert.Equal(withFilter.Term("scannes"), withFilter.Term("scanning"));
        Assert.NotEqual(luceneLike.Term("scannes"), luceneLike.Term("scanning"));
    }

    [Fact]
    public void Terms_LuceneChain_DropsStopwordsAndStems()
    {
        var analyzer = new DanishTermAnalyzer(new AnalysisOptions());
        Assert.Equal(["iskias", "scan", "hjælp"], analyzer.Terms("Iskiassen og scanningen, hjælper det?"));
    }

    [Fact]
    public void Inflection_stripper_finds_the_base_of_a_doubled_consonant()
    {
        Assert.Contains("iskias", InflectionStripper.BaseForms("iskiassen"));
        Assert.Contains("prolaps", InflectionStripper.BaseForms("prolapsen"));
        Assert.DoesNotContain("ry", InflectionStripper.BaseForms("ryg"));
    }

    [Fact]
    public void Markdown_plain_text_keeps_link_text_and_drops_urls_and_images()
    {
        var text = MarkdownPlainText.From("Se ![billede](/a.png) [en fysioterapeut](https://example.dk/find) her.");
        Assert.Contains("en fysioterapeut", text);
        Assert.DoesNotContain("example", text);
        Assert.DoesNotContain("billede", text);
    }
}
