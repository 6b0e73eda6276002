using FaqBot.Channels.BotChannel.Connector;
using FaqBot.Channels.BotChannel.Feedback;
using FaqBot.Conversation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Tests.BotChannel;

/// <summary>The bot host in-process, with the fake composer and whatever settings a test needs.</summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    /// <summary>Configuration on top of the defaults; none means anonymous mode (no app id).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public FakeReplyComposer Composer { get; } = new();

    /// <summary>The hosting environment; tests of production behaviour set "Production".</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Whether the fake composer replaces the real one (false: the real content answers).</summary>
    public bool FakeComposer { get; init; } = true;

    public InMemoryFeedbackStore Feedback { get; } = new();

    /// <summary>When set, replaces the MSAL token provider (tests that do not exercise MSAL itself).</summary>
    public IConnectorTokenProvider? ConnectorTokens { get; init; }

    /// <summary>Further test-specific service changes, applied last.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = new Dictionary<string, string?>
        {
            ["BotChannel:ConnectorRetryBaseDelay"] = "00:00:00.010",
            // The fake composer never consults the learned second opinion: do not spend a test's CPU loading it.
            ["Triage:LearnedSecondOpinion"] = FakeComposer ? "false" : null,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            if (FakeComposer)
            {
                services.RemoveAll<IReplyComposer>();
                services.AddSingleton<IReplyComposer>(Composer);
            }

            services.RemoveAll<IFeedbackStore>();
            services.AddSingleton<IFeedbackStore>(Feedback);
            if (ConnectorTokens is not null)
            {
                services.RemoveAll<IConnectorTokenProvider>();
                services.AddSingleton(ConnectorTokens);
            }

            ConfigureServices?.Invoke(services);
        });
    }
}

/// <summary>A fixed outbound token, for Connector tests that are not about MSAL.</summary>
public sealed class FixedConnectorTokens(string token) : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(forceRefresh ? $"{token}-renewed" : token);
}
