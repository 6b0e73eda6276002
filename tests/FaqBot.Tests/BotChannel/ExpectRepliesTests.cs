using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Tests.BotChannel;

/// <summary>The activity round trip in-process with <c>deliveryMode: expectReplies</c>, one test per reply kind.</summary>
[Trait("Category", "Integration")]
public sealed class ExpectRepliesTests(BotTestHost factory) : IClassFixture<BotTestHost>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AComposerFailureGetsAnApologyWithUrgentGuidanceNotAnError()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.Message($"Hvad nu hvis den {FakeReplyComposer.FailingMessage}?"));

        var reply = Assert.Single(replies)!.AsObject();
        var text = (string)reply["text"]!;
        Assert.StartsWith("Beklager", text, StringComparison.Ordinal);
        Assert.Contains("ring 112", text, StringComparison.Ordinal);
        Assert.Equal("unavailable", (string?)reply["channelData"]!["faqbot"]!["kind"]);
    }

    [Fact]
    public async Task ATurnOutOfItsTimeBudgetGetsTheApologyWithUrgentGuidance()
    {
        using var budgeted = new BotTestHost { Settings = new Dictionary<string, string?> { ["BotChannel:TurnBudget"] = "00:00:00.050" } };
        using var client = budgeted.CreateClient();

        var replies = await Activities.ExpectRepliesAsync(client, Activities.Message($"Den {FakeReplyComposer.RunawayMessage}"));

        var reply = Assert.Single(replies)!.AsObject();
        Assert.Contains("ring 112", (string)reply["text"]!, StringComparison.Ordinal);
        Assert.Equal("unavailable", (string?)reply["channelData"]!["faqbot"]!["kind"]);
    }

    [Fact]
    public async Task AnswerIsAProperReplyWithCitationSuggestionsAndFaqbotChannelData()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.Message("Hvad er iskias?", channelId: "webchat"));

        var reply = Assert.Single(replies)!.AsObject();
        AssertIsReplyTo(reply, Activities.Message("x"));
        Assert.Equal("webchat", (string?)reply["channelId"]);
        Assert.Equal("1712345678901", (string?)reply["replyToId"]);
        var text = (string)reply["text"]!;
        Assert.StartsWith(FakeReplyComposer.AnswerMarkdown + " [1]", text, StringComparison.Ordinal);
        // Web Chat needs the Markdown reference definition to link the [1] marker.
        Assert.Contains($"[1]: {FakeReplyComposer.AnswerUrl} \"{FakeReplyComposer.AnswerTitle}\"", text, StringComparison.Ordinal);

        var actions = reply["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(FakeReplyComposer.RelatedQuestions, actions.Select(action => (string)action!["value"]!));
        Assert.All(actions, action => Assert.Equal("imBack", (string?)action!["type"]));
        Assert.Equal(Activities.UserId, (string?)reply["suggestedActions"]!["to"]![0]);

        var entity = Assert.Single(reply["entities"]!.AsArray())!;
        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal("", (string?)entity["@id"]);
        var claim = Assert.Single(entity["citation"]!.AsArray())!;
        Assert.Equal(1, (int)claim["position"]!);
        Assert.Equal(FakeReplyComposer.AnswerTitle, (string?)claim["appearance"]!["name"]);
        Assert.Equal(FakeReplyComposer.AnswerUrl, (string?)claim["appearance"]!["url"]);
        Assert.True(((string)claim["appearance"]!["abstract"]!).Length <= 160);

        var faqbot = reply["channelData"]!["faqbot"]!;
        Assert.Equal("answer", (string?)faqbot["kind"]);
        Assert.Equal(FakeReplyComposer.AnswerPassageId, (string?)faqbot["passageId"]);
        Assert.Equal(FakeReplyComposer.AnswerTitle, (string?)faqbot["title"]);
        Assert.Equal(0.8734, (double)faqbot["score"]!, 4);
        Assert.False((bool)faqbot["redFlag"]!);
        Assert.Empty(faqbot["redFlags"]!.AsArray());
        // Feedback buttons are a Teams feature.
        Assert.Null(reply["channelData"]!["feedbackLoopEnabled"]);
    }

    [Fact]
    public async Task NoMatchOffersDidYouMeanWithoutACitation()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.Message("Hvad koster parkering?"));

        var reply = Assert.Single(replies)!.AsObject();
        AssertIsReplyTo(reply, Activities.Message("x"));
        Assert.Equal("noMatch", (string?)reply["channelData"]!["faqbot"]!["kind"]);
        Assert.Null(reply["channelData"]!["faqbot"]!["passageId"]);
        Assert.Null(reply["entities"]);
        Assert.Equal(FakeReplyComposer.DidYouMean, reply["suggestedActions"]!["actions"]!.AsArray().Select(action => (string)action!["title"]!));
    }

    [Fact]
    public async Task SmallTalkIsAPlainReply()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.Message("hej"));

        var reply = Assert.Single(replies)!.AsObject();
        AssertIsReplyTo(reply, Activities.Message("x"));
        Assert.Equal("smallTalk", (string?)reply["channelData"]!["faqbot"]!["kind"]);
        Assert.StartsWith("Hej!", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Null(reply["suggestedActions"]);
        Assert.Null(reply["entities"]);
    }

    [Fact]
    public async Task RedFlagSendsTheUrgentAdviceFirstThenTheCitedAnswer()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.Message("Jeg kan ikke lade vandet og har iskias"));

        Assert.Equal(2, replies.Count);
        var urgent = replies[0]!;
        var answer = replies[1]!;
        Assert.Equal(FakeReplyComposer.UrgentAdvice, (string?)urgent["text"]);
        Assert.Null(urgent["entities"]);
        Assert.NotNull(answer["entities"]);
        foreach (var reply in replies)
        {
            AssertIsReplyTo(reply!.AsObject(), Activities.Message("x"));
            var faqbot = reply["channelData"]!["faqbot"]!;
            Assert.True((bool)faqbot["redFlag"]!);
            Assert.Equal(["caudaEquina"], faqbot["redFlags"]!.AsArray().Select(flag => (string)flag!));
        }
    }

    [Fact]
    public async Task TeamsMentionsAreRemovedBeforeTheComposerSeesTheText()
    {
        var message = Activities.Message("<at>FaqBot</at> hvad er iskias <at>Anna Hansen</at>?", channelId: "msteams");
        message["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "FaqBot" },
                ["text"] = "<at>FaqBot</at>",
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "da-DK" });

        var replies = await Activities.ExpectRepliesAsync(_client, message);

        Assert.Contains("hvad er iskias Anna Hansen?", factory.Composer.Messages);
        var reply = Assert.Single(replies)!;
        // Teams renders no headings: the passage's "## Hvad er iskias?" becomes bold text.
        Assert.StartsWith("**Hvad er iskias?**", (string?)reply["text"], StringComparison.Ordinal);
        Assert.EndsWith(" [1]", (string?)reply["text"], StringComparison.Ordinal);
        Assert.True((bool)reply["channelData"]!["feedbackLoopEnabled"]!);
    }

    [Fact]
    public async Task ABareMentionGetsTheWelcome()
    {
        var message = Activities.Message("<at>FaqBot</at>", channelId: "msteams");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "FaqBot" },
        });

        var replies = await Activities.ExpectRepliesAsync(_client, message);

        Assert.StartsWith("Velkommen!", (string?)Assert.Single(replies)!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestedActionsAreLeftOutInTeamsGroupChats()
    {
        var message = Activities.Message("hvad er iskias", channelId: "msteams");
        message["conversation"]!["conversationType"] = "groupChat";

        var replies = await Activities.ExpectRepliesAsync(_client, message);

        Assert.Null(Assert.Single(replies)!["suggestedActions"]);
    }

    [Fact]
    public async Task AUserJoiningGetsOneDanishWelcomeWithExampleQuestions()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.MembersAdded("webchat", "personal", Activities.BotId, Activities.UserId));

        var welcome = Assert.Single(replies)!;
        Assert.Equal("message", (string?)welcome["type"]);
        Assert.Equal("da-DK", (string?)welcome["locale"]);
        Assert.Equal("conv-welcome", (string?)welcome["conversation"]!["id"]);
        Assert.StartsWith("Velkommen!", (string?)welcome["text"], StringComparison.Ordinal);
        Assert.Equal(FakeReplyComposer.WelcomeExamples, welcome["suggestedActions"]!["actions"]!.AsArray().Select(action => (string)action!["value"]!));
        // Web Chat would hold back a reply to an activity it never shows.
        Assert.Null(welcome["replyToId"]);
    }

    [Fact]
    public async Task OnlyTheBotJoiningGetsNoWelcomeOutsideTeams()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.MembersAdded("webchat", "personal", Activities.BotId));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task TeamsPersonalInstallGetsAWelcome()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.MembersAdded("msteams", "personal", Activities.BotId));

        var welcome = Assert.Single(replies)!;
        Assert.StartsWith("Velkommen!", (string?)welcome["text"], StringComparison.Ordinal);
        Assert.Equal("f:update-1", (string?)welcome["replyToId"]);
    }

    [Fact]
    public async Task TeamsTeamInstallGetsNoPersonalWelcome()
    {
        var replies = await Activities.ExpectRepliesAsync(_client, Activities.MembersAdded("msteams", "channel", Activities.BotId));

        Assert.Empty(replies);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("endOfConversation")]
    [InlineData("installationUpdate")]
    [InlineData("somethingNew")]
    public async Task OtherActivityTypesAreAcceptedAndIgnored(string type)
    {
        var activity = Activities.Message("", deliveryMode: null);
        activity["type"] = type;

        using var response = await _client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TeamsFeedbackInvokeGets200WithAnEmptyBodyAndStoresOnlyTheRating()
    {
        using var response = await _client.PostAsJsonAsync("/api/messages", Activities.Feedback("dislike", replyToId: "unknown-message"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var record = Assert.Single(await factory.Feedback.ReadAllAsync(CancellationToken.None), r => r.Rating == FaqBot.Channels.Activities.Storage.FeedbackRating.Dislike);
        Assert.Null(record.PassageId);
    }

    [Fact]
    public async Task AnUnhandledInvokeGets501()
    {
        using var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke("composeExtension/query", new JsonObject()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    private static void AssertIsReplyTo(JsonObject reply, JsonObject inbound)
    {
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal((string?)inbound["recipient"]!["id"], (string?)reply["from"]!["id"]);
        Assert.Equal((string?)inbound["from"]!["id"], (string?)reply["recipient"]!["id"]);
        Assert.Equal((string?)inbound["conversation"]!["id"], (string?)reply["conversation"]!["id"]);
        Assert.Equal("da-DK", (string?)reply["locale"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        // Nulls are left out, as the protocol asks.
        Assert.False(reply.ContainsKey("id"));
        Assert.False(reply.ContainsKey("deliveryMode"));
    }
}
