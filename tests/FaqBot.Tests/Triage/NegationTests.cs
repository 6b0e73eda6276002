using FaqBot.Tests.Content;
using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

public sealed class NegationTests
{
    private static readonly Lazy<RedFlagDetector> Detector =
        new(() => new RedFlagDetector(SafetyContent.Load(ContentTestFiles.ContentDirectory).Rules));

    [Theory]
    [InlineData("Jeg har ingen problemer med at tisse")]
    [InlineData("Jeg har ikke feber, bare ondt i ryggen")]
    [InlineData("Ingen følelsesløshed i skridtet, bare ondt i ryggen")]
    [InlineData("I have no numbness in my groin and no bladder problems")]
    [InlineData("Jeg har aldrig haft kræft, men har ondt i lænden")]
    [InlineData("Jeg har ikke tabt mig")]
    [InlineData("Min fod sover når jeg sidder med benene over kors")]
    [InlineData("Jeg er faldet i søvn på sofaen og vågnede med ondt i ryggen")]
    [InlineData("Min mor har haft kræft, kan iskias være arveligt?")]
    [InlineData("Jeg har fin kraft i benene")]
    [InlineData("I don't have any numbness in my groin")]
    [InlineData("Lægen spurgte om jeg havde problemer med blæren, men det har jeg slet ikke.")]
    [InlineData("Jeg har ikke problemer med at tisse eller holde på afføringen")]
    [InlineData("Det svier når jeg tisser, men ingen feber")]
    public void NegatedSymptomsRaiseNoFlag(string message) => Assert.Empty(Detector.Value.Detect(message).Kinds);

    [Theory]
    [InlineData("Jeg kan ikke mærke noget i skridtet")]
    [InlineData("jeg kan ik holde på vandet")]
    [InlineData("Der kommer ikke en dråbe, når jeg sidder på toilettet")]
    [InlineData("Det er ikke fordi jeg har tynd mave, men jeg har fået afføring i bukserne")]
    public void PatternsThatContainNegationStillFire(string message) => Assert.NotEmpty(Detector.Value.Detect(message).Kinds);

    [Fact]
    public void CueGovernsFollowingWordsOfItsClauseOnly()
    {
        var tokens = TriageText.Analyze("ingen feber, men tisser kun dråber");

        Assert.True(tokens.Single(t => t.Surface == "feber").IsNegated);
        Assert.False(tokens.Single(t => t.Surface == "tisser").IsNegated);
    }

    [Fact]
    public void DenialNegatesTheRestOfItsClause()
    {
        var tokens = TriageText.Analyze("ingen problemer med at tisse eller at holde på afføringen, men ondt i benet");

        Assert.True(tokens.Single(t => t.Surface == "ingen").IsDenial);
        Assert.True(tokens.Single(t => t.Surface == "afføringen").IsNegated);
        Assert.False(tokens.Single(t => t.Surface == "benet").IsNegated);
    }

    [Theory]
    [InlineData("Jeg kan ikke holde på afføringen, men jeg har ingen problemer med at tisse")]
    [InlineData("ingen problemer med ryggen før, men nu kan jeg ikke tisse")]
    public void NegationOfItsOwnClauseStillFires(string message) => Assert.NotEmpty(Detector.Value.Detect(message).Kinds);

    [Fact]
    public void DigraphsAreReadAsDanishLetters() =>
        Assert.Equal("når", TriageText.Analyze("naar")[0].Form);

    [Fact]
    public void NegationOnlyClauseAfterThousandsOfClausesNegatesTheOneBeforeIt()
    {
        var story = string.Concat(Enumerable.Repeat("ondt i ryggen, ", 2000));

        Assert.Empty(Detector.Value.Detect(story + "tisset i bukserne, men det har jeg slet ikke.").Kinds);
        Assert.NotEmpty(Detector.Value.Detect(story + "tisset i bukserne.").Kinds);
    }
}
