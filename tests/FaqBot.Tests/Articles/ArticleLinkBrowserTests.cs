using FaqBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FaqBot.Tests.Articles;

/// <summary>
/// In the real chat page (headless chromium), an answer's "Læs hele afsnittet" opens the bot's own article page at the
/// answer's section. A screenshot of it (a 360 px phone) goes to TestResults/screenshots.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ArticleLinkBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is not { } chromium)
        {
            // Only reached on CI (ChromiumFact skips elsewhere): fail with the reason rather than pass without testing.
            throw new InvalidOperationException("CI=true but chromium is missing: .ci/run must apt-get install chromium.");
        }

        Chromium.UseSystemNode();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [ChromiumFact]
    public async Task ReadMore_AnswerInTheChatPage_OpensTheArticlePageAtItsSection()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Triage:LearnedSecondOpinion"] = "false" }, realComposer: true);
        const string Question = "Hjælper øvelser mod iskias?";
        var slug = host.Services.GetRequiredService<IReplyComposer>().Compose(Question).PassageId!.Split('#')[1];
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/").AbsoluteUri);
        // Connected once the welcome is shown; a message typed before would stay in the box.
        var botBubbles = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");
        await Assertions.Expect(botBubbles.First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(Question);
        await sendBox.PressAsync("Enter");

        var link = botBubbles.Locator("a").Filter(new() { HasText = "Læs hele afsnittet" }).Last;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        // Linked by a path too, the answer still lists its source (the page makes the path absolute on its origin).
        var source = botBubbles.Last.Locator(".webchat__link-definitions");
        await Assertions.Expect(source.Locator(".webchat__link-definitions__header-text")).ToHaveTextAsync("1 kilde");
        await Assertions.Expect(source.Locator(".webchat__link-definitions__list-item")).ToContainTextAsync("Iskias");
        var article = await context.RunAndWaitForPageAsync(() => link.ClickAsync());
        await article.WaitForLoadStateAsync();

        Assert.Equal($"/artikler/iskias#{slug}", new Uri(article.Url).PathAndQuery + new Uri(article.Url).Fragment);
        await Assertions.Expect(article.Locator($"[id='{slug}']")).ToBeInViewportAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        await article.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "article-360px.png") });
    }

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
}
