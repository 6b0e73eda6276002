using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace FaqBot.LoadTest;

/// <summary>
/// A conversation's <c>streamUrl</c> read as DirectLineJS reads it: each text frame is an <c>ActivitySet</c>; empty frames are
/// keep-alives. Activities are queued in arrival order with the time they arrived, so latency is measured at the socket
/// and not when the conversation gets round to looking.
/// </summary>
internal sealed class ActivityStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<StreamedActivity> _arrived = Channel.CreateUnbounded<StreamedActivity>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    /// <summary>Frames whose watermark went backwards or lagged behind their own activities.</summary>
    public int WatermarkRegressions { get; private set; }

    /// <summary>Why the stream ended before it was closed by us, if it did.</summary>
    public string? Broken { get; private set; }

    public ChannelReader<StreamedActivity> Arrived => _arrived.Reader;

    public async Task ConnectAsync(Uri streamUrl, string origin, CancellationToken cancellationToken)
    {
        // The server turns away sockets from other sites' pages; the chat page sends its own origin.
        _socket.Options.SetRequestHeader("Origin", origin);
        try
        {
            await _socket.ConnectAsync(streamUrl, cancellationToken);
        }
        catch (WebSocketException exception)
        {
            throw new LoadFailure($"socket: {exception.WebSocketErrorCode}");
        }

        _receiving = ReceiveAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone; the receive loop ends either way.
        }

        await _stop.CancelAsync();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        long lastWatermark = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Broken ??= $"closed by the server ({_socket.CloseStatusDescription ?? _socket.CloseStatus?.ToString()})";
                    break;
                }

                var arrivedAt = Stopwatch.GetTimestamp();
                if (buffer.WrittenCount == 0)
                {
                    continue;
                }

                lastWatermark = Read(buffer.WrittenMemory, arrivedAt, lastWatermark);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // We closed it.
        }
        catch (WebSocketException exception)
        {
            Broken ??= $"socket error {exception.WebSocketErrorCode}";
        }
        catch (JsonException)
        {
            Broken ??= "a frame was not an ActivitySet";
        }
        finally
        {
            _arrived.Writer.TryComplete();
        }
    }

    private long Read(ReadOnlyMemory<byte> frame, long arrivedAt, long lastWatermark)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        long highest = 0;
        foreach (var activity in root.GetProperty("activities").EnumerateArray())
        {
            var streamed = StreamedActivity.From(activity, arrivedAt);
            highest = Math.Max(highest, streamed.Sequence);
            _arrived.Writer.TryWrite(streamed);
        }

        var watermark = root.TryGetProperty("watermark", out var mark) && long.TryParse(mark.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : -1;
        if (watermark < lastWatermark || watermark < highest)
        {
            WatermarkRegressions++;
        }

        return Math.Max(lastWatermark, watermark);
    }
}

/// <summary>One activity as it came off the socket: what the run checks, and when it arrived (Stopwatch ticks).</summary>
internal sealed record StreamedActivity(string Id, long Sequence, string Type, bool FromBot, string? ReplyToId, long ArrivedAt)
{
    public bool IsBotMessage => FromBot && Type == "message";

    public static StreamedActivity From(JsonElement activity, long arrivedAt)
    {
        var id = activity.GetProperty("id").GetString() ?? "";
        // Direct Line ids here are "{conversation}|{sequence}"; the sequence is what the watermark counts.
        var sequence = long.TryParse(id.AsSpan(id.LastIndexOf('|') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
        var fromBot = activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot";
        var replyToId = activity.TryGetProperty("replyToId", out var reply) ? reply.GetString() : null;
        return new StreamedActivity(id, sequence, activity.GetProperty("type").GetString() ?? "", fromBot, replyToId, arrivedAt);
    }
}
