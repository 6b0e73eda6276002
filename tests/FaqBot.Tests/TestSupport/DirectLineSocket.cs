using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;

namespace FaqBot.Tests.TestSupport;

/// <summary>A Direct Line <c>streamUrl</c> as DirectLineJS reads it: ActivitySet frames over a WebSocket.</summary>
public static class DirectLineSocket
{
    public static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>Reads ActivitySet frames (skipping empty keep-alives) until <paramref name="done"/>; returns the last watermark.</summary>
    public static async Task<string> ReceiveUntilAsync(ClientWebSocket socket, List<Activity> seen, Func<bool> done, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var watermark = "";
        var buffer = new byte[64 * 1024];
        while (!done())
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancel.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (frame.Length == 0)
            {
                continue;
            }

            var set = JsonSerializer.Deserialize<DirectLineActivitySet>(Encoding.UTF8.GetString(frame.ToArray()), BotJson.Options)!;
            seen.AddRange(set.Activities);
            watermark = set.Watermark;
        }

        return watermark;
    }
}
