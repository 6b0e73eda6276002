using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Tests.BotChannel;

/// <summary>
/// Without <c>MicrosoftAppId</c>, anonymous <c>/api/messages</c> is for local development: on in Development, off in
/// Production unless <c>BotChannel:AllowAnonymous</c> turns it on, and then limited per client address.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task InProductionWithoutAnAppIdAnonymousMessagesGet401()
    {
        await using var factory = new BotTestHost { Environment = "Production" };
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("hej"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Unauthorized", (string?)error!["error"]!["code"]);
        Assert.Empty(factory.Composer.Messages);
    }

    [Fact]
    public async Task InDevelopmentAnonymousMessagesAreAnswered()
    {
        await using var factory = new BotTestHost();
        using var client = factory.CreateClient();

        var replies = await Activities.ExpectRepliesAsync(client, Activities.Message("hej"));

        Assert.NotEmpty(replies);
    }

    [Fact]
    public async Task TurnedOnInProductionAnonymousMessagesAreRateLimitedPerClient()
    {
        await using var factory = new BotTestHost
        {
            Environment = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["BotChannel:AllowAnonymous"] = "true",
                ["BotChannel:AnonymousRequestsPerMinute"] = "3",
            },
        };
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("hej"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
