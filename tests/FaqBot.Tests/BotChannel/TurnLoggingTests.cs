using FaqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Tests.BotChannel;

/// <summary>Production logging: one structured line per turn at Information, never the patient's text or the conversation id.</summary>
[Trait("Category", "Integration")]
public sealed class TurnLoggingTests
{
    [Fact]
    public async Task ATurnLogsOneLineWithKindPassageRedFlagsChannelAndDurationAndNothingThePatientWrote()
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = new BotTestHost
        {
            Environment = "Production",
            ServedComposer = null,
            Settings = new Dictionary<string, string?> { ["BotChannel:AllowAnonymous"] = "true" },
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        using var client = factory.CreateClient();
        var message = Activities.Message("zebra-marker-4711 jeg kan ikke holde på urinen og har ondt i ryggen");
        message["conversation"]!["id"] = "conversation-marker-0815";

        await Activities.ExpectRepliesAsync(client, message);

        var information = logs.Lines.Where(line => line.Level >= LogLevel.Information).ToList();
        var turns = information.Where(line => line.Text.StartsWith("Turn on ", StringComparison.Ordinal)).ToList();
        Assert.Single(turns);
        Assert.Matches(@"^Turn on emulator: (Answer|NoMatch), passage .*, red flags \[caudaEquina[^\]]*\], \d+(\.\d)? ms$", turns[0].Text);
        Assert.DoesNotContain(logs.Lines, line => line.Text.Contains("zebra-marker", StringComparison.Ordinal) || line.Text.Contains("urinen", StringComparison.Ordinal));
        Assert.DoesNotContain(information, line => line.Text.Contains("conversation-marker", StringComparison.Ordinal));
        Assert.DoesNotContain(information, line => line.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
    }
}
