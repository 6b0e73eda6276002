using System.Net;
using FaqBot.Channels.Activities.Queue;
using FaqBot.Channels.BotChannel.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Tests.BotChannel;

/// <summary>Outbound tokens come from MSAL by client credentials and are reused until near expiry.</summary>
[Trait("Category", "Integration")]
public sealed class ConnectorTokenTests
{
    [Theory]
    [InlineData("MultiTenant", null, "/botframework.com/oauth2/v2.0/token")]
    [InlineData("SingleTenant", "5f0c2f9e-1111-4111-8111-000000000002", "/5f0c2f9e-1111-4111-8111-000000000002/oauth2/v2.0/token")]
    public async Task ConnectorCallsCarryAClientCredentialsTokenFetchedOnce(string appType, string? tenantId, string tokenPath)
    {
        await using var tokenService = await FakeTokenService.StartAsync();
        await using var bot = await AuthenticatedBot.StartAsync(tokenService, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppTenantId"] = tenantId,
        });

        foreach (var (text, id) in new[] { ("hvad er iskias", "q-1"), ("hej", "q-2") })
        {
            var message = Activities.Message(text, channelId: "msteams", serviceUrl: bot.Connector.ServiceUrl, deliveryMode: null);
            message["id"] = id;
            using var response = await bot.PostAsync(message, bot.ValidToken());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var requests = await bot.Connector.NextAsync(4);
        await bot.Factory.Services.GetRequiredService<ConversationQueue>().WhenIdleAsync();
        Assert.All(requests, request => Assert.Equal($"Bearer {FakeTokenService.AccessToken}", request.Authorization));
        var (path, form) = Assert.Single(tokenService.Requests);
        Assert.Equal(tokenPath, path);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AuthenticatedBot.AppId, form["client_id"]);
        Assert.Equal("app-password", form["client_secret"]);
        Assert.Contains("https://api.botframework.com/.default", form["scope"].Split(' '));
    }
}
