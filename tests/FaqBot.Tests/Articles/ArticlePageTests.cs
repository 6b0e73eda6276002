using System.Net;
using FaqBot.Content;
using FaqBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Tests.Articles;

/// <summary>
/// The articles as the bot's own pages (<c>/artikler/{id}</c>): one per article, an anchor per passage equal to the
/// slug the answers link to, encoded, and the answers' links pointing there unless another site is configured.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ArticlePageTests : IAsyncLifetime
{
    private const string Facts = """
        ---
        title: Praktisk om <Fysio & Co>
        ---

        <!-- note til redaktøren: husk priserne for 2027 -->

        ## Hvad koster en behandling?

        En behandling koster 450 kr. <script>alert(1)</script> Se [prislisten](javascript:alert(1)) eller [book en tid](https://klinik.example/booking).

        ![Klinikken udefra](/images/klinik.png)

        ## Hvor kan jeg parkere?

        I gården & på gaden.
        """;

    private readonly TempContentDirectory _content = TempContentDirectory.CopyOfShippedContent();
    private BotTestHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _content.Write(Path.Combine(ClinicFacts.Folder, ClinicFacts.FileName), Facts);
        _host = Host();
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task Page_ShippedArticle_HasItsTitleAndAnAnchorForEveryPassage()
    {
        using var response = await _client.GetAsync("/artikler/iskias");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        var article = _host.Services.GetRequiredService<LiveEngine>().Current.Knowledge.Content.Articles.Single(a => a.Id == "iskias");
        Assert.Contains($"<h1>{WebUtility.HtmlEncode(article.Title)}</h1>", html, StringComparison.Ordinal);
        var passages = article.Passages.Where(p => p.Kind != PassageKind.Intro).ToList();
        Assert.True(passages.Count >= 10, $"{passages.Count} passages");
        Assert.All(passages, passage => Assert.Contains($" id=\"{passage.Id[(passage.Id.IndexOf('#') + 1)..]}\"", html, StringComparison.Ordinal));
        Assert.Contains("href=\"/webchat/chat.css\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FactsWithMarkupInTitleAndBody_IsEncodedWithoutScriptImageOrComment()
    {
        using var response = await _client.GetAsync("/artikler/praktisk");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Praktisk om &lt;Fysio &amp; Co&gt; – ", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Praktisk om &lt;Fysio &amp; Co&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"hvad-koster-en-behandling\">Hvad koster en behandling?</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"hvor-kan-jeg-parkere\">Hvor kan jeg parkere?</h2>", html, StringComparison.Ordinal);
        Assert.Contains("I gården &amp; på gaden.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://klinik.example/booking\">book en tid</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("redaktøren", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/artikler/findes-ikke")]
    [InlineData("/artikler/iskias.md")]
    public async Task Page_UnknownArticle_IsNotFound(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Compose_NoArticleUrlSet_LinksToTheBotsOwnPageWhoseAnchorExists()
    {
        var reply = _host.Services.GetRequiredService<IReplyComposer>().Compose("Hjælper øvelser mod iskias?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var id = reply.PassageId!;
        var slug = id[(id.IndexOf('#') + 1)..];
        Assert.Equal($"/artikler/iskias#{slug}", reply.Source!.Url);
        Assert.Contains($"](/artikler/iskias#{slug})", reply.Messages[^1].Markdown, StringComparison.Ordinal);
        var page = await _client.GetStringAsync(reply.Source.Url.Split('#')[0]);
        Assert.Contains($" id=\"{slug}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_PublicBaseUrlSet_LinksToTheBotsOwnPageAbsolutely()
    {
        await using var host = Host(new() { ["DirectLine:PublicBaseUrl"] = "https://bot.klinik.example/" });

        var reply = host.Services.GetRequiredService<IReplyComposer>().Compose("Hjælper øvelser mod iskias?");

        Assert.StartsWith("https://bot.klinik.example/artikler/iskias#", reply.Source!.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://bot.klinik.example", false)]
    public void Start_RegisteredBot_WarnsOnlyWhenTheArticleLinksAreAPath(string? publicBaseUrl, bool warns)
    {
        var logs = new CapturingLoggerProvider();
        using var host = new BotTestHost
        {
            Settings = new Dictionary<string, string?>
            {
                ["Content:Path"] = _content.Path,
                ["Triage:LearnedSecondOpinion"] = "false",
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "app-password",
                ["DirectLine:PublicBaseUrl"] = publicBaseUrl,
            },
            ServedComposer = null,
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };

        _ = host.Services.GetRequiredService<LiveEngine>();

        Assert.Equal(warns, logs.Lines.Any(line => line.Level == LogLevel.Warning && line.Text.Contains("DirectLine:PublicBaseUrl", StringComparison.Ordinal)));
    }

    private BotTestHost Host(Dictionary<string, string?>? settings = null) => new()
    {
        Settings = new Dictionary<string, string?>(settings ?? [])
        {
            ["Content:Path"] = _content.Path,
            ["Triage:LearnedSecondOpinion"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        },
        ServedComposer = null,
    };
}
