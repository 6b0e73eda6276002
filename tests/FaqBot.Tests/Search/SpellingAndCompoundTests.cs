using FaqBot.Search;

namespace FaqBot.Tests.Search;

public class SpellingAndCompoundTests
{
    [Theory]
    [InlineData("iskias", "iskjas", 1)]
    [InlineData("iskias", "iskais", 1)]
    [InlineData("fysioterapeut", "fysiotrapeut", 1)]
    [InlineData("scanning", "scaning", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("ryg", "lænd", 4)]
    public void EditDistanceCountsTranspositionsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, 5));
    }

    [Fact]
    public void EditDistanceStopsPastTheMaximum()
    {
        Assert.Equal(2, EditDistance.Compute("abcdef", "uvwxyz", 1));
    }

    [Theory]
    [InlineData("iskjas", "iskias")]
    [InlineData("fysiotrapeut", "fysioterapeut")]
    [InlineData("scaning", "scanning")]
    [InlineData("undesøger", "undersøger")]
    public void TypoCorrectorFindsTheVocabularyWord(string typed, string expected)
    {
        var corrector = new TypoCorrector(["iskias", "fysioterapeut", "scanning", "undersøger", "smerter"]);
        var (words, distance) = corrector.Correct(typed);
        Assert.Contains(expected, words);
        Assert.InRange(distance, 1, 2);
    }

    [Fact]
    public void TypoCorrectorLeavesShortAndFarWordsAlone()
    {
        var corrector = new TypoCorrector(["iskias", "ryg"]);
        Assert.Empty(corrector.Correct("ryk").Words);
        Assert.Empty(corrector.Correct("tennisalbue").Words);
    }

    [Theory]
    [InlineData("iskiassmerter", new[] { "iskias", "smerter" })]
    [InlineData("rygscanning", new[] { "ryg", "scanning" })]
    [InlineData("nerveklemme", new[] { "nerve", "klemme" })]
    [InlineData("iskiasrygscanning", new[] { "iskias", "ryg", "scanning" })]
    public void CompoundSplitterSplitsIntoKnownWords(string word, string[] parts)
    {
        var known = new HashSet<string> { "iskias", "smerter", "ryg", "scanning", "nerve", "klemme" };
        var splitter = new CompoundSplitter(known.Contains);
        Assert.Equal(parts, splitter.Split(word));
    }

    [Fact]
    public void CompoundSplitterRefusesUnknownParts()
    {
        var splitter = new CompoundSplitter(new HashSet<string> { "albue" }.Contains);
        Assert.Null(splitter.Split("tennisalbue"));
    }

    [Fact]
    public void WordsOverFortyLettersAreNeitherTypoCorrectedNorSplit()
    {
        // Both guesses cost more than linear time in a word's length; no Danish word a patient writes is that long.
        var fortyOne = new string('a', 20) + new string('b', 21);
        var corrector = new TypoCorrector([fortyOne, fortyOne[..40]]);
        var splitter = new CompoundSplitter(_ => true);

        Assert.Equal([fortyOne[..40]], corrector.Correct(fortyOne[..39] + "x").Words);
        Assert.Empty(corrector.Correct(fortyOne[..40] + "x").Words);
        Assert.NotNull(splitter.Split(fortyOne[..40]));
        Assert.Null(splitter.Split(fortyOne));
    }
}
