using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// What a deployment can wire to, derived from the running server rather than listed by hand: the configuration keys it
/// reads (recorded while it starts and serves every channel once) and the paths of its endpoints.
/// </summary>
public sealed class ServerSurface
{
    /// <summary>
    /// Settings the deploy files set ahead of the code that reads them (none now; #14 kept ConnectionStrings:Postgres here until its store landed).
    /// A test fails as soon as the server reads one, so this list empties itself.
    /// </summary>
    public static readonly string[] AwaitedSettings = [];

    private static readonly Lazy<Task<ServerSurface>> Measured = new(MeasureAsync);

    private ServerSurface(IReadOnlySet<string> settings, IReadOnlySet<string> paths)
    {
        Settings = settings;
        Paths = paths;
    }

    /// <summary>Every configuration key the server read (<c>DirectLine:AllowedOrigins</c> …), case-insensitive.</summary>
    public IReadOnlySet<string> Settings { get; }

    /// <summary>The route patterns of its endpoints (<c>/readyz</c>, <c>/api/messages</c> …).</summary>
    public IReadOnlySet<string> Paths { get; }

    /// <summary>The server's surface, measured once per test run.</summary>
    public static Task<ServerSurface> GetAsync() => Measured.Value;

    /// <summary>
    /// Whether an environment variable (<c>__</c> for <c>:</c>, array indexes allowed) names a setting the server reads.
    /// The host's own <c>ASPNETCORE_</c> variables are ASP.NET Core's, read before any app configuration exists.
    /// </summary>
    public bool ReadsEnvironmentVariable(string name)
    {
        if (name.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
        {
            return name is "ASPNETCORE_ENVIRONMENT" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_URLS" or "ASPNETCORE_FORWARDEDHEADERS_ENABLED";
        }

        var segments = name.Split("__").ToList();
        while (segments.Count > 1 && int.TryParse(segments[^1], out _))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return Settings.Contains(string.Join(':', segments));
    }

    /// <summary>The environment variables among <paramref name="names"/> that are neither read by the server nor awaited.</summary>
    public List<string> UnknownEnvironmentVariables(IEnumerable<string> names) =>
        [.. names.Where(name => !ReadsEnvironmentVariable(name) && !AwaitedSettings.Contains(name.Replace("__", ":", StringComparison.Ordinal)))];

    private static async Task<ServerSurface> MeasureAsync()
    {
        var recorded = new RecordingConfigurationSource();
        // Telemetry on (to a collector on loopback), so its settings are read too.
        await using var collector = await OtlpReceiver.StartAsync();
        await using var host = new BotTestHost
        {
            ServedComposer = null,
            Settings = collector.Settings,
            ConfigureConfiguration = configuration => configuration.Add(recorded),
        };
        using var http = host.CreateClient();
        // Once through everything: health, the Bot Framework channel, Direct Line and the chat page.
        (await http.GetAsync("/readyz")).EnsureSuccessStatusCode();
        await Activities.ExpectRepliesAsync(http, Activities.Message("Hjælper øvelser mod iskias?"));
        var directLine = new DirectLineTestClient(http);
        await directLine.StartAsync();
        await directLine.SendAsync("Hjælper øvelser mod iskias?");
        await directLine.PollUntilAsync(activities => activities.Count >= 2);
        (await http.GetAsync("/")).EnsureSuccessStatusCode();

        var paths = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText?.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        return new ServerSurface(recorded.Keys, paths);
    }
}
