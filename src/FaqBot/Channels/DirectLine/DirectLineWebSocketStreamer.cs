using System.Net.WebSockets;
using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// Serves a conversation's <c>streamUrl</c>: each new activity goes out as one <c>ActivitySet</c> text frame, starting
/// after the client's watermark (or from the start, so the welcome is not lost). One socket per conversation, as in
/// Azure: a newer socket closes the older one. The number of open sockets is bounded.
/// </summary>
public sealed class DirectLineWebSocketStreamer(
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineWebSocketStreamer> logger)
{
    /// <summary>An empty frame keeps proxies from closing a quiet socket; DirectLineJS ignores it.</summary>
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(25);

    /// <summary>How long one frame may take to send before the socket is given up as dead.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _current = new(StringComparer.Ordinal);
    private int _open;

    /// <summary>Sockets open right now.</summary>
    public int OpenSockets => Volatile.Read(ref _open);

    /// <summary>Whether one more socket may be opened.</summary>
    public bool HasCapacity => OpenSockets < options.Value.MaxOpenSockets;

    public async Task StreamAsync(HttpContext context, ITranscript conversation, long watermark)
    {
        if (Interlocked.Increment(ref _open) > options.Value.MaxOpenSockets)
        {
            Interlocked.Decrement(ref _open);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        using var replaced = new CancellationTokenSource();
        using var clientGone = new CancellationTokenSource();
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var registration = conversation.StreamOpened();
            TakeOver(conversation.Id, replaced);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(
                context.RequestAborted, conversation.Ended, replaced.Token, clientGone.Token, lifetime.ApplicationStopping);
            var receiving = ReceiveAsync(socket, conversation, clientGone);
            await SendAsync(socket, conversation, watermark, stop.Token);
            await CloseAsync(socket, replaced.IsCancellationRequested ? "collision" : conversation.Ended.IsCancellationRequested ? "expired" : null);
            // Wait briefly for the client's half of the close handshake; disposing the socket ends the receive loop anyway.
            await receiving.WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; it reconnects through GET /conversations/{id} when it wants to.
            logger.LogDebug("A Direct Line socket ended: {Reason}", exception.GetType().Name);
        }
        finally
        {
            Release(conversation.Id, replaced);
            Interlocked.Decrement(ref _open);
        }
    }

    private async Task SendAsync(WebSocket socket, ITranscript conversation, long watermark, CancellationToken cancellationToken)
    {
        // Activities sent while only this process had them (the store was away): the watermark stays before them, so
        // they come again once stored, and are not sent twice. Forgotten once the watermark has passed them.
        var sentProvisional = new HashSet<string>(StringComparer.Ordinal);
        long provisionalThrough = 0;
        while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var page = await ReadAfterAsync(conversation, watermark, cancellationToken);
            var activities = page.Activities.Where(activity => activity.Id is null || !sentProvisional.Contains(activity.Id)).ToList();
            if (page.ProvisionalThrough > 0)
            {
                sentProvisional.UnionWith(activities.Select(activity => activity.Id).OfType<string>());
                provisionalThrough = Math.Max(provisionalThrough, page.ProvisionalThrough);
            }
            else if (page.Watermark >= provisionalThrough)
            {
                sentProvisional.Clear();
            }

            // Activities dropped by a bound (or never kept) are skipped, so the wait below does not return at once forever.
            watermark = Math.Max(watermark, page.Watermark);
            if (activities.Count > 0)
            {
                var frame = JsonSerializer.SerializeToUtf8Bytes(new DirectLineActivitySet(activities, page.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)), BotJson.Options);
                await SendFrameAsync(socket, frame);
                continue;
            }

            try
            {
                await conversation.WaitForActivityAfterAsync(Math.Max(watermark, page.ProvisionalThrough), cancellationToken)
                    .WaitAsync(KeepAliveInterval, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                await SendFrameAsync(socket, ReadOnlyMemory<byte>.Empty);
            }
            catch (OperationCanceledException)
            {
                // Closed, replaced by a newer socket, or the conversation was forgotten: the caller closes the socket.
                return;
            }
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>; none while the store is unreachable (the next wake-up tries again).</summary>
    private async Task<TranscriptPage> ReadAfterAsync(ITranscript conversation, long watermark, CancellationToken cancellationToken)
    {
        try
        {
            return await conversation.ReadAfterAsync(watermark, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            logger.LogDebug("A Direct Line socket could not read its conversation: the store is unavailable");
            return new TranscriptPage([], watermark);
        }
    }

    /// <summary>
    /// Sends one frame to completion. Not with the stream's stop token: cancelling a send aborts the socket, so a
    /// socket replaced mid-send would vanish without its "collision" close frame.
    /// </summary>
    private static async Task SendFrameAsync(WebSocket socket, ReadOnlyMemory<byte> frame)
    {
        using var timeout = new CancellationTokenSource(SendTimeout);
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>Reads and ignores the client's frames (empty pings every 20 s); a close or error ends the stream.</summary>
    private static async Task ReceiveAsync(WebSocket socket, ITranscript conversation, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            // No cancellation token: cancelling a pending receive aborts the socket and would spoil the close handshake.
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                // A live socket keeps its conversation from being forgotten as idle.
                conversation.Touch();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed or disposed underneath us; nothing to clean up beyond stopping the sender.
        }

        try
        {
            await stop.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The stream already finished and disposed the source.
        }
    }

    private static async Task CloseAsync(WebSocket socket, string? reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
    }

    private void TakeOver(string conversationId, CancellationTokenSource mine)
    {
        CancellationTokenSource? previous;
        lock (_gate)
        {
            _current.TryGetValue(conversationId, out previous);
            _current[conversationId] = mine;
        }

        previous?.Cancel();
    }

    private void Release(string conversationId, CancellationTokenSource mine)
    {
        lock (_gate)
        {
            if (_current.TryGetValue(conversationId, out var current) && current == mine)
            {
                _current.Remove(conversationId);
            }
        }
    }
}
