using FaqBot.Conversation;

namespace FaqBot.Tests.Conversation;

public sealed class SmallTalkDetectorTests
{
    private static readonly SmallTalkIntent Thanks = new("thanks", [["tak"], ["mange", "tak"]], "Så lidt.");
    private static readonly SmallTalkIntent Goodbye = new("goodbye", [["farvel"], ["god", "morgen"], ["godmorgen"]], "Farvel.");
    private static readonly SmallTalkDetector Detector = new([Thanks, Goodbye], new HashSet<string> { "bare" });

    [Theory]
    [InlineData("farvl", "goodbye")]
    [InlineData("fravel", "goodbye")]
    [InlineData("bare godmorgn", "goodbye")]
    [InlineData("mange tak", "thanks")]
    public void ALongerPhraseWordMatchesWithOneTypo(string message, string intent)
    {
        Assert.Equal(intent, Detector.Detect(message)?.Name);
    }

    [Theory]
    [InlineData("tal")]
    [InlineData("mange tal")]
    [InlineData("fravl")]
    [InlineData("farvel iskias")]
    public void AShortWordTwoTyposOrAnotherWordIsNotSmallTalk(string message)
    {
        Assert.Null(Detector.Detect(message));
    }
}
