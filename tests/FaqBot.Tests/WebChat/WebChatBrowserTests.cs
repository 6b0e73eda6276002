using FaqBot.Channels.Activities.Turns;
using FaqBot.Conversation;
using FaqBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FaqBot.Tests.WebChat;

/// <summary>
/// The real Web Chat bundle in headless chromium, on the real page served by the real server over loopback: once over
/// the WebSocket stream and once polling. Screenshots (desktop and a 360 px phone) go to TestResults/screenshots.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is not { } chromium)
        {
            // Only reached on CI (ChromiumFact skips elsewhere): fail with the reason rather than pass without testing.
            throw new InvalidOperationException("CI=true but chromium is missing: .ci/run must apt-get install chromium.");
        }

        Chromium.UseSystemNode();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.Arguments,
        });
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
    public Task APatientChatsOverTheWebsocket() => ChatAsync("websocket");

    [ChromiumFact]
    public Task APatientChatsWithPolling() => ChatAsync("polling");

    [ChromiumFact]
    public async Task TheRealComposerAnswersThroughThePage()
    {
        await using var host = await BotTestHost.StartAsync(realComposer: true);
        const string Question = "Hvad er iskias?";
        var expected = host.Services.GetRequiredService<IReplyComposer>().Compose(Question);
        var page = await OpenAsync(host, "websocket", 1280, 800);

        await AskAsync(page, Question);

        // Whatever the domain answers today, its last bubble's opening words reach the patient's screen.
        var words = PlainWords(expected.Messages[^1].Markdown).Take(4);
        await Assertions.Expect(page.GetByText(string.Join(' ', words)).Last).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await ExpectAllSentAsync(page);
    }

    [ChromiumFact]
    public async Task ACitedAnswerOnAPhone_ShowsItsTitleBelowTheHeaderTheArticlesTitleAndADanishLabel()
    {
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Reply:ArticleBaseUrl"] = "https://klinik.example/artikler" }, realComposer: true);
        const string First = "Hvad er iskias?";
        const string Question = "Hjælper øvelser mod iskias?";
        var composer = host.Services.GetRequiredService<IReplyComposer>();
        var expected = composer.Compose(Question);
        var page = await OpenAsync(host, "websocket", 360, 640);

        // An earlier answer fills the screen, so the next one arrives below the fold and the transcript scrolls.
        await AskAsync(page, First);
        await Expect(BotBubble(page, string.Join(' ', PlainWords(composer.Compose(First).Messages[^1].Markdown).Skip(1).Take(4))));
        await AskAsync(page, Question);
        var answer = BotBubble(page, string.Join(' ', PlainWords(expected.Messages[^1].Markdown).Skip(expected.Title!.Split(' ').Length).Take(4)));
        var title = answer.Locator("strong", new() { HasText = expected.Title }).First;
        await Expect(title);
        await ExpectAllSentAsync(page);

        // The reference list: a Danish label, and the article named by its own title, not its metaTitle pitch.
        var references = answer.Locator(".webchat__link-definitions");
        await Assertions.Expect(references.Locator(".webchat__link-definitions__header-text")).ToHaveTextAsync("1 kilde");
        await Assertions.Expect(references.Locator(".webchat__link-definitions__list-item")).ToContainTextAsync(expected.Source!.Title);
        Assert.Equal("Iskias", expected.Source.Title);

        // Once the transcript has stopped scrolling, the title is on screen and nothing (the header) lies over it.
        await page.WaitForTimeoutAsync(1000);
        await Assertions.Expect(title).ToBeInViewportAsync(new() { Ratio = 1 });
        var header = await page.Locator(".chat-header").BoundingBoxAsync();
        var box = await title.BoundingBoxAsync();
        Assert.True(box!.Y >= header!.Y + header.Height, $"The answer's title (top {box.Y}) is under the header (bottom {header.Y + header.Height}).");
        Assert.True(await title.EvaluateAsync<bool>(
            "e => { const r = e.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2); return !!hit && e.contains(hit); }"),
            "Something covers the answer's title.");

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "cited-answer-360px.png") });
    }

    [ChromiumFact]
    public async Task TheUrgentAdviceIsAWarningCardWithTapToCallButtons()
    {
        await using var host = await BotTestHost.StartAsync();
        var page = await OpenAsync(host, "websocket", 360, 740);
        // A phone would open its dialler; here window.open only records what it was asked to open.
        await page.EvaluateAsync("() => { window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return null; }; }");

        await AskAsync(page, "Jeg kan ikke lade vandet");

        var card = page.Locator(".webchat__bubble .ac-adaptiveCard").Filter(new() { HasText = FakeReplyComposer.UrgentAdvice }).Last;
        await Expect(card);
        await Expect(card.GetByText(UrgentCard.Heading));
        // Shown once, as the card: not also as a plain bubble of the same text.
        Assert.Equal(0, await page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)")
            .Filter(new() { HasText = FakeReplyComposer.UrgentAdvice })
            .Filter(new() { HasNot = page.Locator(".ac-adaptiveCard") }).CountAsync());
        // The attention style is a red background, unlike the answer's plain bubble.
        var background = await card.Locator(".ac-container").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var answerBackground = await BotBubble(page, "Svar på: Jeg kan ikke lade vandet").Locator(".webchat__bubble__content")
            .EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(answerBackground, background);

        // Web Chat's Markdown sanitiser keeps a tel: link in an ordinary bubble (the fallback text relies on it).
        await Expect(BotBubble(page, "Svar på: Jeg kan ikke lade vandet").Locator("a[href='tel:112']"));

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "urgent-360px.png") });

        await card.GetByRole(AriaRole.Button, new() { Name = "Ring 112" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Ring til lægevagten (1813)" }).ClickAsync();
        Assert.Equal(["tel:112", "tel:1813"], await page.EvaluateAsync<string[]>("() => window.__opened"));
    }

    [ChromiumFact]
    public async Task TheEmbedButtonOnTheClinicsSiteOpensTheChat()
    {
        // Another origin than the bot's 127.0.0.1, but on loopback, so chromium's local-network protections stay out of it.
        const string Site = "http://localhost:9";
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = Site });
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        // The clinic's page is served by Playwright itself (nothing leaves the machine), with the one-line embed.
        await page.RouteAsync(Site + "/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"<!doctype html><html lang=\"da\"><head><meta name=\"viewport\" content=\"width=device-width\"></head><body><h1>Klinikken</h1>"
                + $"<script src=\"{new Uri(host.BaseAddress, "/webchat/embed.js")}\" async></script></body></html>",
        }));
        var log = new List<string>();
        page.Console += (_, message) => log.Add(message.Text);
        page.RequestFailed += (_, request) => log.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(Site + "/");

        var button = page.Locator("#faqbot-chat-button");
        await button.WaitForAsync(new() { Timeout = 10_000 }).ContinueWith(waited => Assert.True(
            waited.IsCompletedSuccessfully, "No chat button; browser log: " + string.Join(" | ", log)));
        Assert.Equal("false", await button.GetAttributeAsync("aria-expanded"));
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));

        var chat = page.FrameLocator("#faqbot-chat-panel iframe");
        await Expect(chat.Locator(".webchat__bubble").Filter(new() { HasText = FakeReplyComposer.WelcomeText }).Last);
        await chat.Locator(SendBox).FillAsync("Hvad er iskias?");
        await chat.Locator(SendBox).PressAsync("Enter");
        await Expect(chat.Locator(".webchat__bubble").Filter(new() { HasText = FakeReplyComposer.SafetyNote }).Last);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "embed-360px.png") });

        await page.Locator("#faqbot-chat-close").ClickAsync();
        await Assertions.Expect(page.Locator("#faqbot-chat-panel")).ToBeHiddenAsync();
    }

    private async Task ChatAsync(string transport)
    {
        await using var host = await BotTestHost.StartAsync();
        var sockets = 0;
        var page = await OpenAsync(host, transport, 1280, 800, onSocket: () => Interlocked.Increment(ref sockets));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(BotBubble(page, FakeReplyComposer.WelcomeText));

        // A question: the answer's title, the safety note and the suggested actions.
        await AskAsync(page, "Hvad er iskias?");
        var answer = BotBubble(page, "Svar på: Hvad er iskias?");
        await Expect(answer.Locator("strong", new() { HasText = "Hvad er iskias?" }));
        await Expect(answer.GetByText(FakeReplyComposer.SafetyNote));
        var suggestion = SuggestedAction(page, FakeReplyComposer.RelatedQuestions[0]);
        await Expect(suggestion);
        await Expect(SuggestedAction(page, FakeReplyComposer.RelatedQuestions[1]));
        await ExpectAllSentAsync(page);

        // Tapping a suggested action asks it and gets its own answer.
        await suggestion.ClickAsync();
        await Expect(BotBubble(page, "Svar på: " + FakeReplyComposer.RelatedQuestions[0])
            .Locator("strong", new() { HasText = FakeReplyComposer.TitleFor(FakeReplyComposer.RelatedQuestions[0]) }));

        // A red flag: the urgent advice comes first, above the answer.
        await AskAsync(page, "Jeg kan ikke lade vandet");
        var urgent = BotBubble(page, FakeReplyComposer.UrgentAdvice);
        var redFlagAnswer = BotBubble(page, "Svar på: Jeg kan ikke lade vandet");
        await Expect(urgent);
        await Expect(redFlagAnswer);
        // Transcript order (the DOM follows Web Chat's order), not screen position, which shifts while it scrolls.
        var bubbles = await page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").AllInnerTextsAsync();
        var urgentIndex = bubbles.ToList().FindLastIndex(text => text.Contains(FakeReplyComposer.UrgentAdvice, StringComparison.Ordinal));
        var answerIndex = bubbles.ToList().FindLastIndex(text => text.Contains("Svar på: Jeg kan ikke lade vandet", StringComparison.Ordinal));
        Assert.True(urgentIndex >= 0 && urgentIndex < answerIndex, "The urgent advice must be shown before the answer.");
        await ExpectAllSentAsync(page);

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"chat-{transport}-desktop.png") });
        await page.SetViewportSizeAsync(360, 740);
        await page.WaitForTimeoutAsync(300);
        // The page must fit a phone: nothing wider than the screen.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth} px wide on a 360 px screen.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"chat-{transport}-360px.png") });

        // The transport really was the one under test.
        Assert.Equal(transport == "websocket", Volatile.Read(ref sockets) > 0);
    }

    private async Task<IPage> OpenAsync(BotTestHost host, string transport, int width, int height, Action? onSocket = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "da-DK",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.WebSocket += (_, _) => onSocket?.Invoke();
        await page.GotoAsync(new Uri(host.BaseAddress, $"/?transport={transport}").AbsoluteUri);
        await page.Locator(SendBox).WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Empty(errors);
        return page;
    }

    private static async Task AskAsync(IPage page, string question)
    {
        await page.Locator(SendBox).FillAsync(question);
        await page.Locator(SendBox).PressAsync("Enter");
    }

    /// <summary>Web Chat shows "Sending…"/"Send failed" until the echo with the posted id arrives.</summary>
    private static Task ExpectAllSentAsync(IPage page) =>
        Assertions.Expect(page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0, new() { Timeout = (float)Patience.TotalMilliseconds });

    /// <summary>The latest bot bubble containing <paramref name="text"/> (Web Chat also keeps hidden copies for screen readers).</summary>
    private static ILocator BotBubble(IPage page, string text) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = text }).Last;

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator("button.webchat__suggested-action").Filter(new() { HasText = title }).First;

    private static Task Expect(ILocator locator) =>
        Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

    private static IEnumerable<string> PlainWords(string markdown) =>
        markdown.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('*', '_', '#', '[', ']', '>'))
            .Where(word => word.Length > 0);
}
