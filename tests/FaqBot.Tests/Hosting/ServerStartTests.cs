using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Tests.BotChannel;
using FaqBot.Tests.Content;
using FaqBot.Tests.TestSupport;
using FaqBot.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.Hosting;

/// <summary>
/// The server loads all content while it starts and fails closed: without its red-flag rules, urgent advice or safety
/// note, or with a broken setting, it does not start; a broken article is reported and the rest still serves.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServerStartTests
{
    [Theory]
    [InlineData("safety/red-flags.txt", "red-flags.txt")]
    [InlineData("safety/urgent-advice.txt", "urgent-advice.txt")]
    [InlineData("safety/safety-note.txt", "safety-note.txt")]
    public void WithoutASafetyFileTheServerDoesNotStart(string missing, string named)
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        File.Delete(Path.Combine(content.Path, missing));
        var exception = AssertDoesNotStart<SafetyContentUnavailableException>(Settings(content));

        Assert.Contains(exception.Problems, problem => problem.Path.EndsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void ARedFlagRuleThatDoesNotParseStopsTheStartNamingFileAndLine()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        var rules = Path.Combine(content.Path, "safety", "red-flags.txt");
        File.AppendAllText(rules, "\n[brokenKind]\nurgency: emergency\n(tisse | \n");
        var brokenLine = File.ReadAllLines(rules).Length;
        var exception = AssertDoesNotStart<SafetyContentUnavailableException>(Settings(content));

        Assert.Contains(exception.Problems, problem => problem.Path == rules && problem.Line == brokenLine);
    }

    [Fact]
    public void AnEmptySafetyNoteStopsTheStart()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        File.WriteAllText(Path.Combine(content.Path, "safety", "safety-note.txt"), "# only a comment\n");
        var exception = AssertDoesNotStart<SafetyContentUnavailableException>(Settings(content));

        Assert.Contains(exception.Problems, problem => problem.Path.EndsWith("safety-note.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABrokenArticleIsReportedAndTheOthersStillServe()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        File.WriteAllText(Path.Combine(content.Path, "broken.md"), "---\ntitle: [unclosed\n---\n\nTekst.\n");
        await using var factory = new BotTestHost { Settings = Settings(content), ServedComposer = null };
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/readyz");
        var replies = await Activities.ExpectRepliesAsync(client, Activities.Message("Hjælper øvelser mod iskias?"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", (string?)JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["status"]);
        Assert.Contains(replies, reply => ((string?)reply!["text"] ?? "").Contains("øvelser", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("BotChannel:OAuthAuthorityHost", "http://login.example.org")]
    [InlineData("BotOpenIdMetadata", "not a url")]
    [InlineData("BotChannel:MaxQueuedReplies", "0")]
    [InlineData("Reply:ArticleBaseUrl", "artikler")]
    [InlineData("Clinic:Phone", "ring til os")]
    [InlineData("Clinic:Email", "kontakt.klinik.dk")]
    [InlineData("Clinic:BookingUrl", "klinik.dk/booking")]
    [InlineData("Safety:Region", "fyn")]
    [InlineData("Safety:OutOfHoursNumber", "ring til lægen")]
    [InlineData("Triage:LearnedSecondOpinion", "maybe")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    public void AnInvalidSettingStopsTheStart(string key, string value)
    {
        var exception = AssertDoesNotStart<Exception>(new Dictionary<string, string?> { [key] = value });

        Assert.True(
            exception is OptionsValidationException || exception.GetType().Name == "InvalidSettingException",
            $"{exception.GetType().Name}: {exception.Message}");
        Assert.Contains(key.Split(':')[^1] is var name && int.TryParse(name, out _) ? key.Split(':')[^2] : name, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServerProcessHonoursContentAndExitsNonZeroNamingTheSafetyFile()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        Directory.Delete(Path.Combine(content.Path, "safety"), recursive: true);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "FaqBot"))
        {
            ArgumentList = { "--content", content.Path, "--urls", "http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["FAQBOT_CONTENT"] = ContentTestFiles.ContentDirectory;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("faqbot: cannot start", await error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(content.Path, "safety", "red-flags.txt"), await error, StringComparison.Ordinal);
        _ = await output;
    }

    /// <summary>
    /// Starts the host and expects it to refuse; returns the exception the host logged as its reason. (In a real process
    /// Program then prints it and exits 1, see the process test.)
    /// </summary>
    private static TException AssertDoesNotStart<TException>(Dictionary<string, string?> settings)
        where TException : Exception
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new BotTestHost
        {
            Settings = settings,
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var failure = logs.Lines.Where(line => line.Level == LogLevel.Critical || line.Level == LogLevel.Error)
            .Select(line => line.Exception)
            .SelectMany(e => e is AggregateException aggregate ? aggregate.InnerExceptions : e is null ? [] : [e])
            .OfType<TException>()
            .FirstOrDefault();
        Assert.True(failure is not null, "no start-up failure was logged: " + string.Join(" | ", logs.Lines.Select(l => l.Text)));
        return failure!;
    }

    private static Dictionary<string, string?> Settings(TempContentDirectory content) => new() { ["Content:Path"] = content.Path };
}
