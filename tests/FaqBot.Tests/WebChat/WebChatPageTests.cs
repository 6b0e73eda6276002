using System.Net;
using System.Net.Http.Headers;
using FaqBot.Tests.DirectLine;

namespace FaqBot.Tests.WebChat;

/// <summary>The page, the bundle and the embed script over HTTP: language, configuration, compression and caching.</summary>
[Trait("Category", "Integration")]
public sealed class WebChatPageTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["WebChat:ClinicName"] = "Fysio <Nord> & Co",
        ["WebChat:AccentColor"] = "red;}body{display:none",
        ["DirectLine:AllowedOrigins:0"] = "https://klinik.example.dk",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ThePageIsDanishEncodesTheClinicSettingsAndLoadsTheHashedBundleFromTheApp()
    {
        using var http = _host.NewClient();
        using var response = await http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("Fysio &lt;Nord&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("display:none", html, StringComparison.Ordinal);
        Assert.Matches("src=\"/webchat/webchat\\.[0-9a-f]{16}\\.js\"", html);
        Assert.DoesNotContain("cdn.botframework.com", html, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self' https://klinik.example.dk", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheBundleIsCompressedAndCachedForAYearUnderItsHash(string encoding)
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _host.BaseAddress };
        var html = await http.GetStringAsync("/");
        var bundlePath = System.Text.RegularExpressions.Regex.Match(html, "/webchat/webchat\\.[0-9a-f]{16}\\.js").Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, bundlePath);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.InRange(body.Length, 100_000, 1_100_000);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl.MaxAge);

        using var again = new HttpRequestMessage(HttpMethod.Get, bundlePath);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task TheEmbedScriptPointsAtThisBotAndCarriesTheClinicLook()
    {
        using var http = _host.NewClient();
        using var response = await http.GetAsync("/webchat/embed.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"\"origin\":\"{_host.BaseAddress.GetLeftPart(UriPartial.Authority)}\"", script, StringComparison.Ordinal);
        Assert.Contains("\"accent\":\"#00635a\"", script, StringComparison.Ordinal);
        Assert.Contains("Fysio \\u003CNord\\u003E \\u0026 Co", script, StringComparison.Ordinal);
    }
}
