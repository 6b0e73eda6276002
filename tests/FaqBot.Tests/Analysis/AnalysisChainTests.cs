using FaqBot.Analysis;

namespace FaqBot.Tests.Analysis;

public class AnalysisChainTests
{
    [Fact]
    public void TokenizerSplitsOnPunctuationAndHyphensAndLowerCases()
    {
        Assert.Equal(["iskias", "smerter", "er", "mr", "scanning", "nødvendig", "30", "km"], WordTokens.Of("Iskias-smerter: er MR-scanning nødvendig? 30 km"));
    }

    [Fact]
    public void TokenizerHandlesTokensLongerThanItsBuffer()
    {
        var longWord = new string('a', 100);
        Assert.Equal([longWord, "b"], WordTokens.Of(longWord.ToUpperInvariant() + " B"));
    }

    [Theory]
    [InlineData("hjælp", "hjaelp", "hjalp")]
    [InlineData("øvelser", "oevelser", "ovelser")]
    [InlineData("hvornår", "hvornaar", "hvornar")]
    [InlineData("café", "cafe", "cafe")]
    [InlineData("naïv", "naiv", "naiv")]
    [InlineData("Übung", "Ubung", "Ubung")]
    [InlineData("ryg", "ryg", "ryg")]
    public void FoldingGivesDigraphAndBareLetterKeys(string word, string digraphs, string bare)
    {
        Assert.Equal(digraphs, DanishFolding.ToDigraphs(word));
        Assert.Equal(bare, DanishFolding.ToBareLetters(word));
    }

    [Fact]
    public void StopwordsAreThe94SnowballWords()
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
    public void DerivationalFilterJoinsVerbalNounsWithVerbs(string stem, string expected)
    {
        Assert.Equal(expected, DerivationalSuffixFilter.Apply(stem));
    }

    [Fact]
    public void TermAnalyzerMakesScanningAndScannesMeetOnlyWhenEnabled()
    {
        var withFilter = new DanishTermAnalyzer(new AnalysisOptions());
        var luceneLike = new DanishTermAnalyzer(AnalysisOptions.LuceneEquivalent);
        Assert.Equal(withFilter.Term("scannes"), withFilter.Term("scanning"));
        Assert.NotEqual(luceneLike.Term("scannes"), luceneLike.Term("scanning"));
    }

    [Fact]
    public void TermsLuceneChainDropsStopwordsAndStems()
    {
        var analyzer = new DanishTermAnalyzer(new AnalysisOptions());
        Assert.Equal(["iskias", "scan", "hjælp"], analyzer.Terms("Iskiassen og scanningen, hjælper det?"));
    }

    [Fact]
    public void InflectionStripperFindsTheBaseOfADoubledConsonant()
    {
        Assert.Contains("iskias", InflectionStripper.BaseForms("iskiassen"));
        Assert.Contains("prolaps", InflectionStripper.BaseForms("prolapsen"));
        Assert.DoesNotContain("ry", InflectionStripper.BaseForms("ryg"));
    }

    [Fact]
    public void InflectionStripperRestoresTheUnstressedEOnlyWhereTheShortFormIsNoWord()
    {
        var words = new HashSet<string> { "vejr" };
        Assert.Contains("skulder", InflectionStripper.SyncopatedBaseForms("skuldre", words.Contains));
        Assert.Contains("frosen", InflectionStripper.SyncopatedBaseForms("frosne", words.Contains));
        Assert.Contains("cykel", InflectionStripper.SyncopatedBaseForms("cyklen", words.Contains));
        Assert.Empty(InflectionStripper.SyncopatedBaseForms("vejret", words.Contains));
    }

    [Fact]
    public void MarkdownPlainTextKeepsLinkTextAndDropsUrlsAndImages()
    {
        var text = MarkdownPlainText.From("Se ![billede](/a.png) [en fysioterapeut](https://example.dk/find) her.");
        Assert.Contains("en fysioterapeut", text);
        Assert.DoesNotContain("example", text);
        Assert.DoesNotContain("billede", text);
    }
}
