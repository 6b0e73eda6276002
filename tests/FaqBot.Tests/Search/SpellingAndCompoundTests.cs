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
    public void Edit_distance_counts_transpositions_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, 5));
    }

    [Fact]
    public void Edit_distance_stops_past_the_maximum()
    {
        Assert.Equal(2, EditDistance.Compute("abcdef", "uvwxyz", 1));
    }

    [Theory]
    [InlineData("iskjas", "iskias")]
    [InlineData("fysiotrapeut", "fysioterapeut")]
    [InlineData("scaning", "scanning")]
    [InlineData("undesøger", "undersøger")]
    public void Typo_corrector_finds_the_vocabulary_word(string typed, string expected)
    {
        var corrector = new TypoCorrector(["iskias", "fysioterapeut", "scanning", "undersøger", "smerter"]);
        var (words, distance) = corrector.Correct(typed);
        Assert.Contains(expected, words);
        Assert.InRange(distance, 1, 2);
    }

    [Fact]
    public void Typo_corrector_leaves_short_and_far_words_alone()
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
    public void Compound_splitter_splits_into_known_words(string word, string[] parts)
    {
        var known = new HashSet<string> { "iskias", "smerter", "ryg", "scanning", "nerve", "klemme" };
        var splitter = new CompoundSplitter(known.Contains);
        Assert.Equal(parts, splitter.Split(word));
    }

    [Fact]
    public void Compound_splitter_refuses_unknown_parts()
    {
        var splitter = new CompoundSplitter(new HashSet<string> { "albue" }.Contains);
        Assert.Null(splitter.Split("tennisalbue"));
    }

    [Fact]
    public void Words_over_forty_letters_are_neither_typo_corrected_nor_split()
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
