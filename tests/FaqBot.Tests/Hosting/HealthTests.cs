using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Tests.BotChannel;
using FaqBot.Tests.DirectLine;

namespace FaqBot.Tests.Hosting;

/// <summary><c>/healthz</c> and <c>/readyz</c> for orchestrators, and <c>HEAD /</c> for uptime monitors.</summary>
[Trait("Category", "Integration")]
public sealed class HealthTests : IDisposable
{
    private readonly BotTestHost _factory = new() { Environment = "Production" };

    [Fact]
    public async Task HealthzSaysTheProcessIsAlive()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task ReadyzReportsTheContentAndSafetyRulesLoaded()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["content"]!["status"]);
        Assert.Matches(@"^[1-9]\d* passages, [1-9]\d* red-flag rules, 0 content problems$", (string?)body["checks"]!["content"]!["description"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HeadRequestsAreAnsweredWithoutABody(string path)
    {
        // Over real Kestrel: it is the server that leaves out the body of a HEAD response.
        await using var host = await BotTestHost.StartAsync();
        using var http = host.NewClient();

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => _factory.Dispose();
}
