using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// An OpenTelemetry collector on loopback for OTLP/HTTP (protobuf): keeps every export request's path and raw body and
/// answers 200 with an empty (valid) response. Protobuf writes strings as plain UTF-8, so a test can search the bodies
/// for span and metric names and for text that must not be there.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private LoopbackServer? _server;

    /// <summary>For <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: <c>http://127.0.0.1:{port}</c>.</summary>
    public string Endpoint => (_server ?? throw new InvalidOperationException("Start the receiver first.")).BaseAddress.AbsoluteUri.TrimEnd('/');

    /// <summary>The settings that export a host's telemetry here, promptly.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    /// <summary>Every export so far: <c>/v1/traces</c> or <c>/v1/metrics</c>, and its body decoded as UTF-8.</summary>
    public IReadOnlyList<(string Path, string Text)> Exports => [.. _exports.Select(e => (e.Path, System.Text.Encoding.UTF8.GetString(e.Body)))];

    /// <summary>Waits until an export to <paramref name="path"/> contains <paramref name="text"/>; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(string path, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Exports.Any(e => e.Path == path && e.Text.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.Run(receiver.ReceiveAsync));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        _exports.Enqueue((context.Request.Path.Value ?? "", body.ToArray()));
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
