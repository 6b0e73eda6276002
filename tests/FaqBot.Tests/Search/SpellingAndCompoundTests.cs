using FaqBot.Analysis;
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
    [InlineData("ca", "abc", 3)]
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
    [InlineData("iskias", "iskias", 0)]
    [InlineData("iskias", "iskjas", 1)]
    [InlineData("iskias", "iskais", 1)]
    [InlineData("fysioterapeut", "fysiotrapeut", 1)]
    [InlineData("scanning", "scaning", 1)]
    [InlineData("scanning", "scannings", 1)]
    [InlineData("fysioterapeuten", "fysioterepauten", 2)]
    [InlineData("ryg", "lænd", 3)]
    [InlineData("ca", "abc", 3)]
    public void NearSpellingsCountEditsAsOptimalStringAlignment(string word, string typed, int expected)
    {
        // "ca" → "abc" takes three edits, not two: a swapped pair is not edited again (optimal string alignment).
        Assert.Equal(expected, Distance(word, typed));
        Assert.Equal(expected, Distance(typed, word));
    }

    [Theory]
    [InlineData("hvorfor", "hvorforr00")]
    [InlineData("hvorfor", "hv")]
    public void NearSpellingsRejectAWordWhoseLengthIsOutOfReach(string word, string typed)
    {
        Assert.False(new NearSpellings(word, 2).Contains(typed));
    }

    [Fact]
    public void NearSpellingsAreAtMostTwoEditsAway()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearSpellings("fysioterapeut", 3));
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
        Assert.Equal([expected], words);
        Assert.Equal(1, distance);
    }

    [Fact]
    public void TypoCorrectorGivesAVocabularyWordItselfAtDistanceZero()
    {
        var corrector = new TypoCorrector(["smerte", "smerter"]);
        Assert.Equal(("smerte", 0), Unpack(corrector.Correct("smerte")));
    }

    [Fact]
    public void TypoCorrectorGivesEveryWordAtTheSmallestDistance()
    {
        var corrector = new TypoCorrector(["behandling", "behandlingen", "behandlinger", "forbehandlingen"]);
        Assert.Equal(("behandlingen,behandlinger", 1), Unpack(corrector.Correct("behandlingem")));
    }

    [Fact]
    public void TypoCorrectorAllowsTwoEditsOnlyFromElevenLetters()
    {
        var corrector = new TypoCorrector(["operationen"]);
        Assert.Equal(("operationen", 2), Unpack(corrector.Correct("oprationenn")));
        Assert.Equal(("operationen", 2), Unpack(corrector.Correct("opperationn")));
        Assert.Empty(corrector.Correct("oprationon").Words);
        Assert.Equal(("operationen", 1), Unpack(corrector.Correct("oprationen")));
    }

    [Fact]
    public void TypoCorrectorLeavesShortAndFarWordsAlone()
    {
        var corrector = new TypoCorrector(["iskias", "ryg", "rygs"]);
        Assert.Empty(corrector.Correct("ryk").Words);
        Assert.Empty(corrector.Correct("ryg").Words);
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

    /// <summary>The fewest edits (0–2) that make <paramref name="typed"/> of <paramref name="word"/>, or 3 for more.</summary>
    private static int Distance(string word, string typed) =>
        Enumerable.Range(0, NearSpellings.MaxEdits + 1).FirstOrDefault(edits => new NearSpellings(word, edits).Contains(typed), NearSpellings.MaxEdits + 1);

    /// <summary>A correction as one comparable value: its words in order, joined by commas, and its distance.</summary>
    private static (string Words, int Distance) Unpack((IReadOnlyList<string> Words, int Distance) correction) =>
        (string.Join(',', correction.Words.Order(StringComparer.Ordinal)), correction.Distance);
}
