using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

/// <summary>How many typos a plain rule word tolerates, and where (see <see cref="WordTerm"/>).</summary>
public sealed class WordTermTests
{
    [Theory]
    [InlineData("føleforstyrrelser", "føleforstyrelsr", true)]
    [InlineData("føleforstyrrelser", "føleforstyrelse", true)]
    [InlineData("føleforstyrrelser", "følefarstirrolser", false)]
    [InlineData("lammelse", "lammelze", true)]
    [InlineData("lammelse", "lamelze", false)]
    [InlineData("lammelse", "lamemlse", true)]
    [InlineData("faldt", "fandt", false)]
    [InlineData("mærke", "mearke", true)]
    [InlineData("mærke", "mørke", false)]
    [InlineData("lammelse", "tammelse", false)]
    public void APlainWordToleratesTyposByItsLength(string ruleWord, string typed, bool matches)
    {
        // Two from ten letters, one from six, none at five but for an æøå word typed without them; never in the first letter.
        Assert.Equal(matches, Term(ruleWord).Matches(TriageText.Analyze(typed)[0]));
    }

    [Fact]
    public void AWordTheRulesNameIsNeverATypoOfAnother()
    {
        var token = TriageText.Analyze("smelter")[0];
        Assert.True(Term("smerter").Matches(token));

        token.IsKnownWord = true;
        Assert.False(Term("smerter").Matches(token));
    }

    [Fact]
    public void TermsOfTheSameWordAreEqual()
    {
        // The rules' index numbers each distinct word once.
        Assert.Equal(Term("lammelse"), Term("lammelse"));
        Assert.Equal(Term("lammelse").GetHashCode(), Term("lammelse").GetHashCode());
        Assert.NotEqual(Term("lammelse"), Term("lammelser"));
    }

    private static WordTerm Term(string word) => new(TriageText.NormalizeWord(word), TriageText.StemOf(TriageText.NormalizeWord(word)));
}
