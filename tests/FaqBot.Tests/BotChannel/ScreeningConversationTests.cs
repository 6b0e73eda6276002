using System.Text.Json.Nodes;
using FaqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Tests.BotChannel;

/// <summary>
/// The screening question over <c>/api/messages</c> with <c>expectReplies</c> and the real composer: asked after the
/// answer with "Ja"/"Nej", "Ja" gets the urgent advice, "Nej" an acknowledgement, anything else is an ordinary
/// message; never asked twice in a conversation; a late answer is not taken as one.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScreeningConversationTests : IDisposable
{
    /// <summary>Near leg weakness: strength in the leg, in words the red-flag rules do not take for one.</summary>
    private const string NearNightPain = "jeg har taget panodil og ipren, de gør ingenting";

    private readonly AdjustableTimeProvider _clock = new();
    private readonly BotTestHost _factory;
    private readonly HttpClient _client;

    public ScreeningConversationTests()
    {
        _factory = new BotTestHost
        {
            ServedComposer = null,
            ConfigureServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_clock);
            },
        };
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task AMessageNearARedFlagGetsTheAnswerThenTheQuestionWithJaAndNej()
    {
        var replies = await SendAsync("c1", NearNightPain);

        Assert.True(replies.Count >= 2);
        var question = replies[^1]!.AsObject();
        Assert.Contains("smertestillende", (string)question["text"]!, StringComparison.Ordinal);
        var actions = question["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(["Ja", "Nej"], actions.Select(action => (string)action!["value"]!));
        Assert.All(actions, action => Assert.Equal("imBack", (string?)action!["type"]));
        Assert.Equal("screening", (string?)question["channelData"]!["faqbot"]!["kind"]);
        Assert.Equal("nightPain", (string?)question["channelData"]!["faqbot"]!["screening"]);
        // The answer itself comes first and is no red flag.
        Assert.False((bool)replies[0]!["channelData"]!["faqbot"]!["redFlag"]!);
    }

    [Theory]
    [InlineData("Ja")]
    [InlineData("ja tak")]
    [InlineData("Yes")]
    public async Task YesGetsTheUrgentAdviceOfTheKindAskedAbout(string yes)
    {
        await SendAsync("c2", NearNightPain);

        var replies = await SendAsync("c2", yes);

        var advice = replies[0]!.AsObject();
        Assert.StartsWith("**Kontakt din egen læge i dag", (string)advice["text"]!, StringComparison.Ordinal);
        Assert.Contains("om natten", (string)advice["text"]!, StringComparison.Ordinal);
        Assert.True((bool)advice["channelData"]!["faqbot"]!["redFlag"]!);
        Assert.Equal("nightPain", (string?)advice["channelData"]!["faqbot"]!["redFlags"]![0]);
    }

    [Fact]
    public async Task NoGetsACalmAcknowledgementAndTheSafetyNote()
    {
        await SendAsync("c3", NearNightPain);

        var replies = await SendAsync("c3", "Nej");

        var reply = Assert.Single(replies)!.AsObject();
        var text = (string)reply["text"]!;
        Assert.StartsWith("Godt at høre", text, StringComparison.Ordinal);
        Assert.Contains("Ring 112 ved føleforstyrrelser i skridtet", text, StringComparison.Ordinal);
        Assert.False((bool)reply["channelData"]!["faqbot"]!["redFlag"]!);
    }

    [Fact]
    public async Task AnythingElseIsAnOrdinaryMessageAndDropsTheQuestion()
    {
        await SendAsync("c4", NearNightPain);

        var other = await SendAsync("c4", "Hvad er iskias?");
        var laterYes = await SendAsync("c4", "Ja");

        Assert.Equal("answer", (string?)other[0]!["channelData"]!["faqbot"]!["kind"]);
        Assert.All(laterYes, reply => Assert.False((bool)reply!["channelData"]!["faqbot"]!["redFlag"]!));
    }

    [Fact]
    public async Task AReplyThatItselfMeetsARedFlagGetsThatUrgentAdviceFirst()
    {
        await SendAsync("c5", NearNightPain);

        var replies = await SendAsync("c5", "jeg kan ikke mærke noget i skridtet når jeg tørrer mig");

        Assert.StartsWith("**Ring 112 nu.**", (string)replies[0]!["text"]!, StringComparison.Ordinal);
        Assert.Equal("caudaEquina", (string?)replies[0]!["channelData"]!["faqbot"]!["redFlags"]![0]);
    }

    [Fact]
    public async Task TheQuestionIsNeverAskedTwiceInAConversationButIsInAnother()
    {
        await SendAsync("c6", NearNightPain);
        await SendAsync("c6", "Nej");

        var again = await SendAsync("c6", NearNightPain);
        var elsewhere = await SendAsync("c7", NearNightPain);

        Assert.DoesNotContain(again, reply => (string?)reply!["channelData"]!["faqbot"]!["kind"] == "screening");
        Assert.Equal("screening", (string?)elsewhere[^1]!["channelData"]!["faqbot"]!["kind"]);
    }

    [Fact]
    public async Task AYesAfterTheQuestionExpiredIsNotTakenAsAnAnswerAndTheQuestionIsNotRepeated()
    {
        await SendAsync("c8", NearNightPain);
        _clock.Advance(TimeSpan.FromMinutes(11));

        var late = await SendAsync("c8", "Ja");
        var again = await SendAsync("c8", NearNightPain);

        Assert.All(late, reply => Assert.False((bool)reply!["channelData"]!["faqbot"]!["redFlag"]!));
        Assert.DoesNotContain(again, reply => (string?)reply!["channelData"]!["faqbot"]!["kind"] == "screening");
    }

    [Fact]
    public async Task AGeneralQuestionAsksNothing()
    {
        var replies = await SendAsync("c9", "Hvad er iskias?");

        Assert.DoesNotContain(replies, reply => (string?)reply!["channelData"]!["faqbot"]!["kind"] == "screening");
    }

    private async Task<JsonArray> SendAsync(string conversationId, string text)
    {
        var activity = Activities.Message(text);
        activity["conversation"]!["id"] = conversationId;
        return await Activities.ExpectRepliesAsync(_client, activity);
    }
}
