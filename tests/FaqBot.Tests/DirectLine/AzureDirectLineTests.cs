using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;
using FaqBot.Tests.BotChannel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FaqBot.Tests.DirectLine;

/// <summary>A clinic with an Azure Bot: the page uses Azure's Direct Line, and the secret stays on the server.</summary>
[Trait("Category", "Integration")]
public sealed class AzureDirectLineTests
{
    [Fact]
    public async Task TheTokenEndpointExchangesTheSecretWithAzureAndThePagePointsAtAzure()
    {
        string? authorization = null;
        await using var azure = await LoopbackServer.StartAsync(app => app.MapPost("/v3/directline/tokens/generate", (HttpRequest request) =>
        {
            authorization = request.Headers.Authorization.ToString();
            return Results.Json(new { conversationId = "azureConv1", token = "azure-token", expires_in = 3600 });
        }));
        var domain = new Uri(azure.BaseAddress, "v3/directline").AbsoluteUri;
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:Azure:Secret"] = "azure-secret",
            ["DirectLine:Azure:Domain"] = domain,
        });
        using var http = host.NewClient();

        using var response = await http.PostAsync("/api/directline/token", null);
        var token = (await response.Content.ReadFromJsonAsync<WebChatTokenResponse>(BotJson.Options))!;
        var page = await http.GetStringAsync("/");

        Assert.Equal("Bearer azure-secret", authorization);
        Assert.Equal(new WebChatTokenResponse("azure-token", "azureConv1", 3600), token);
        Assert.DoesNotContain("azure-secret", page, StringComparison.Ordinal);
        Assert.Contains($"\"domain\":\"{domain}\"", page, StringComparison.Ordinal);
    }
}
