using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Queue;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.BotChannel.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Tests.BotChannel;

/// <summary>Normal delivery: acknowledge at once, then POST typing and the replies to a fake Connector on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class ConnectorDeliveryTests : IAsyncLifetime
{
    private const string ReplyPath =
        "/v3/conversations/a%3A1xYz%3Bmessageid%3D1712345678901%40thread.v2/activities/1712345678901";

    private AuthenticatedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await AuthenticatedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task RepliesArePostedToTheConnectorWithEncodedIdsAndTheBearerTokenAfterATypingIndicator()
    {
        using var response = await _bot.PostAsync(Message("hvad er iskias"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var requests = await _bot.Connector.NextAsync(2);
        Assert.Equal(["typing", "message"], requests.Select(request => request.Type));
        Assert.All(requests, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal(ReplyPath, request.RawTarget);
            Assert.Equal($"Bearer {AuthenticatedBot.ConnectorToken}", request.Authorization);
            Assert.Equal(Activities.BotId, (string?)request.Body["from"]!["id"]);
            Assert.Equal(Activities.UserId, (string?)request.Body["recipient"]!["id"]);
            Assert.Equal(Activities.TeamsConversationId, (string?)request.Body["conversation"]!["id"]);
            Assert.Equal("1712345678901", (string?)request.Body["replyToId"]);
        });
        var reply = requests[1].Body;
        Assert.Equal("answer", (string?)reply["channelData"]!["faqbot"]!["kind"]);
        Assert.True((bool)reply["channelData"]!["feedbackLoopEnabled"]!);
    }

    [Fact]
    public async Task WithoutAnAppIdRepliesGoToALoopbackEmulatorWithoutAToken()
    {
        await using var emulator = await FakeConnector.StartAsync();
        await using var anonymousBot = new BotTestHost();
        using var client = anonymousBot.CreateClient();
        var message = Activities.Message("hvad er iskias", channelId: "emulator", serviceUrl: emulator.ServiceUrl, deliveryMode: null);

        using var response = await client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = await emulator.NextAsync(2);
        Assert.Equal(["typing", "message"], requests.Select(request => request.Type));
        Assert.All(requests, request => Assert.Equal("", request.Authorization));
    }

    [Fact]
    public async Task RedFlagBubblesArriveInOrder()
    {
        using var response = await _bot.PostAsync(Message("jeg er følelsesløs i skridtet"), _bot.ValidToken());

        var requests = await _bot.Connector.NextAsync(3);
        Assert.Equal(["typing", "message", "message"], requests.Select(request => request.Type));
        Assert.Equal(FakeReplyComposer.UrgentAdvice, (string?)requests[1].Body["text"]);
    }

    [Fact]
    public async Task TheRequestIsAcknowledgedBeforeDeliveryAndRepliesToOneConversationKeepTheirOrder()
    {
        _bot.Connector.HoldFirstRequest();

        using var first = await _bot.PostAsync(Message("hvad er iskias", id: "a-1"), _bot.ValidToken());
        using var second = await _bot.PostAsync(Message("hej", id: "b-2"), _bot.ValidToken());

        // Both turns were acknowledged while the Connector still holds the first reply.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var held = await _bot.Connector.NextAsync();
        Assert.False(_bot.Connector.HasMoreRequests);
        _bot.Connector.Release();

        var rest = await _bot.Connector.NextAsync(3);
        var order = new[] { held }.Concat(rest).Select(request => $"{request.Type}:{request.Body["replyToId"]}");
        Assert.Equal(["typing:a-1", "message:a-1", "typing:b-2", "message:b-2"], order);
    }

    [Fact]
    public async Task ThrottlingAndServerErrorsAreRetriedHonouringRetryAfter()
    {
        _bot.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "1");
        _bot.Connector.FailNext(HttpStatusCode.ServiceUnavailable);

        using var response = await _bot.PostAsync(Message("hej"), _bot.ValidToken());

        var requests = await _bot.Connector.NextAsync(4);
        Assert.Equal(["typing", "typing", "typing", "message"], requests.Select(request => request.Type));
        var waited = Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp);
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"Retry-After: 1 was not honoured (waited {waited}).");
    }

    [Fact]
    public async Task ARejectedTokenIsRenewedOnce()
    {
        _bot.Connector.FailNext(HttpStatusCode.Unauthorized);

        using var response = await _bot.PostAsync(Message("hej"), _bot.ValidToken());

        var requests = await _bot.Connector.NextAsync(3);
        Assert.Equal(["typing", "typing", "message"], requests.Select(request => request.Type));
        Assert.Equal($"Bearer {AuthenticatedBot.ConnectorToken}", requests[0].Authorization);
        Assert.Equal($"Bearer {AuthenticatedBot.ConnectorToken}-renewed", requests[1].Authorization);
    }

    [Fact]
    public async Task AClientErrorIsNotRetriedAndStopsTheRemainingBubbles()
    {
        _bot.Connector.FailNext(HttpStatusCode.OK); // typing succeeds (the scripted "failure" is a 200 without id)
        _bot.Connector.FailNext(HttpStatusCode.BadRequest);

        using var response = await _bot.PostAsync(Message("jeg kan ikke lade vandet"), _bot.ValidToken());

        var requests = await _bot.Connector.NextAsync(2);
        await _bot.Factory.Services.GetRequiredService<ConversationQueue>().WhenIdleAsync();
        Assert.Equal(["typing", "message"], requests.Select(request => request.Type));
        Assert.False(_bot.Connector.HasMoreRequests);
    }

    [Fact]
    public async Task TeamsFeedbackOnADeliveredAnswerIsStoredWithItsPassageIdAndWithoutText()
    {
        using var response = await _bot.PostAsync(Message("hvad er iskias"), _bot.ValidToken());
        var requests = await _bot.Connector.NextAsync(2);
        await _bot.Factory.Services.GetRequiredService<ConversationQueue>().WhenIdleAsync();

        // The fake Connector numbered the answer "m-2" (typing was "m-1").
        using var feedback = await _bot.PostAsync(WithServiceUrl(Activities.Feedback("like", replyToId: "m-2")), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal("", await feedback.Content.ReadAsStringAsync());
        var record = Assert.Single(await _bot.Factory.Feedback.ReadAllAsync(CancellationToken.None));
        Assert.Equal(FeedbackRating.Like, record.Rating);
        Assert.Equal(FakeReplyComposer.AnswerPassageId, record.PassageId);
    }

    private System.Text.Json.Nodes.JsonObject Message(string text, string id = "1712345678901")
    {
        var message = Activities.Message(text, channelId: "msteams", serviceUrl: _bot.Connector.ServiceUrl, deliveryMode: null);
        message["id"] = id;
        return message;
    }

    private System.Text.Json.Nodes.JsonObject WithServiceUrl(System.Text.Json.Nodes.JsonObject activity)
    {
        activity["serviceUrl"] = _bot.Connector.ServiceUrl;
        return activity;
    }
}
