using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// A Bot Connector on loopback that records every POST (raw path, bearer token, body) and answers with scripted
/// failures first, then <c>{"id":"m-n"}</c>.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)> _failures = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer? _server;
    private int _sent;
    private int _received;
    private bool _holdFirst;

    /// <summary>The <c>serviceUrl</c> to put in activities (with a trailing slash, as channels send it).</summary>
    public string ServiceUrl => (_server ?? throw new InvalidOperationException("Start the connector first.")).BaseAddress.AbsoluteUri;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    /// <summary>The next requests fail with these statuses (and Retry-After seconds), in order.</summary>
    public void FailNext(HttpStatusCode status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    /// <summary>Holds the first request's response until <see cref="Release"/>.</summary>
    public void HoldFirstRequest() => _holdFirst = true;

    public void Release() => _gate.TrySetResult();

    /// <summary>The next recorded request, failing the test if none arrives in time.</summary>
    public async Task<RecordedRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _requests.Reader.ReadAsync(timeout.Token);
    }

    public async Task<IReadOnlyList<RecordedRequest>> NextAsync(int count)
    {
        var requests = new List<RecordedRequest>();
        for (var i = 0; i < count; i++)
        {
            requests.Add(await NextAsync());
        }

        return requests;
    }

    public bool HasMoreRequests => _requests.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var isFirst = Interlocked.Increment(ref _received) == 1 && _holdFirst;
        _requests.Writer.TryWrite(new RecordedRequest(
            context.Request.Method,
            rawTarget,
            context.Request.Headers.Authorization.ToString(),
            body!.AsObject(),
            Stopwatch.GetTimestamp()));

        if (isFirst)
        {
            await _gate.Task;
        }

        if (_failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            await context.Response.WriteAsJsonAsync(new { error = new { code = "Throttled", message = "Try again later" } });
            return;
        }

        var id = Interlocked.Increment(ref _sent);
        await context.Response.WriteAsJsonAsync(new { id = $"m-{id}" });
    }
}

/// <summary>One POST the bot made to the Connector.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Authorization, JsonObject Body, long Timestamp)
{
    public string? Type => (string?)Body["type"];
}
