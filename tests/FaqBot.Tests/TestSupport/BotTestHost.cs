using System.Net;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.BotChannel.Connector;
using FaqBot.Conversation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// The bot host (Program) in-process, with a test composer and whatever settings a test needs: on the test server by
/// default, or on Kestrel at 127.0.0.1 and a free port (<see cref="StartAsync"/>) for real HTTP and WebSockets.
/// </summary>
public sealed class BotTestHost : WebApplicationFactory<Program>
{
    /// <summary>The Direct Line token signing key every test host uses, so tests can mint their own tokens.</summary>
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS0zMi1ieXRlcy1sb25nLSEhIQ==";

    /// <summary>Configuration on top of the defaults; none means anonymous mode (no app id).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The hosting environment; tests of production behaviour set "Production".</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>The composer the host serves; null keeps the real one over the shipped content.</summary>
    public IReplyComposer? ServedComposer { get; init; } = new FakeReplyComposer(FakeReplyOptions.FixedCitedReplies);

    /// <summary>The fake composer the host serves (tests read what it was asked).</summary>
    public FakeReplyComposer Composer => ServedComposer as FakeReplyComposer
        ?? throw new InvalidOperationException("This host does not serve the FakeReplyComposer.");

    public InMemoryFeedbackStore Feedback { get; } = new();

    /// <summary>Whether the app's own feedback store (a file, PostgreSQL) stays instead of <see cref="Feedback"/>.</summary>
    public bool KeepsAppFeedbackStore { get; init; }

    /// <summary>When set, replaces the MSAL token provider (tests that do not exercise MSAL itself).</summary>
    public IConnectorTokenProvider? ConnectorTokens { get; init; }

    /// <summary>Further configuration sources, added after <see cref="Settings"/>.</summary>
    public Action<IConfigurationBuilder>? ConfigureConfiguration { get; init; }

    /// <summary>Further test-specific service changes, applied last.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary><c>http://127.0.0.1:{port}</c>, no trailing slash.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.TrimEnd('/'));
        }
    }

    /// <summary>The host on Kestrel at a free loopback port, serving a <see cref="FakeReplyComposer"/> with <see cref="FakeReplyOptions.EchoedReplies"/> unless told otherwise.</summary>
    public static Task<BotTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool realComposer = false, IReplyComposer? composer = null)
    {
        var host = new BotTestHost
        {
            // Request logs of many turns would only slow these tests down.
            Settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Logging:LogLevel:Default"] = settings?.GetValueOrDefault("Logging:LogLevel:Default") ?? "Warning",
            },
            ServedComposer = realComposer ? null : composer ?? new FakeReplyComposer(FakeReplyOptions.EchoedReplies),
        };
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        return Task.FromResult(host);
    }

    /// <summary>A plain HTTP client against the loopback server.</summary>
    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BotChannel:ConnectorRetryBaseDelay"] = "00:00:00.010",
                ["DirectLine:TokenSigningKey"] = SigningKey,
                ["DirectLine:TokenRequestsPerMinute"] = "1000",
                ["DirectLine:MessagesPerMinute"] = "1000",
                // A fake composer never consults the learned second opinion: do not spend a test's CPU loading it.
                ["Triage:LearnedSecondOpinion"] = ServedComposer is null ? null : "false",
            })
            .AddInMemoryCollection(Settings));
        if (ConfigureConfiguration is not null)
        {
            builder.ConfigureAppConfiguration(ConfigureConfiguration);
        }

        builder.ConfigureTestServices(services =>
        {
            if (ServedComposer is not null)
            {
                services.RemoveAll<IReplyComposer>();
                services.AddSingleton(ServedComposer);
            }

            if (!KeepsAppFeedbackStore)
            {
                services.RemoveAll<IFeedbackStore>();
                services.AddSingleton<IFeedbackStore>(Feedback);
            }
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
