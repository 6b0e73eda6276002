using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.DirectLine;
using FaqBot.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.DirectLine;

/// <summary>The Direct Line bounds that keep one client from starving the others: memory, capacity, quotas.</summary>
[Trait("Category", "Integration")]
public sealed class DirectLineLimitsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(8L * 1024 * 1024)]
    public async Task FiftyConversationsOf200EventsOf30KBStayWithinTheByteBounds(long? maxTotalBytes)
    {
        var options = new TranscriptLimits();
        options.MaxTotalBytes = maxTotalBytes ?? options.MaxTotalBytes;
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryTranscriptStore(Options.Create(options), time);
        var payload = new string('x', 30 * 1024);

        var conversations = new List<InMemoryTranscript>();
        for (var c = 0; c < 50; c++)
        {
            var (conversation, _) = store.GetOrStart($"conversation-{c}", $"dl_{c}");
            conversations.Add(conversation);
            for (var e = 0; e < 200; e++)
            {
                time.Now = time.Now.AddMilliseconds(1);
                await conversation.AppendAsync(new Activity { Type = "event", Name = "fill", Text = payload }, time.GetUtcNow());
                Assert.True(conversation.Bytes <= options.MaxConversationBytes, $"{conversation.Bytes} bytes in the conversation");
                Assert.True(store.TotalBytes <= options.MaxTotalBytes, $"{store.TotalBytes} bytes in the store");
            }
        }

        // 300 MB were offered; what is kept is bounded, and it is the newest conversations' newest activities.
        var live = conversations.Where(conversation => !conversation.Ended.IsCancellationRequested).ToList();
        Assert.Equal(live.Sum(conversation => conversation.Bytes), store.TotalBytes);
        Assert.True(store.TotalBytes > Math.Min(options.MaxTotalBytes, 50 * options.MaxConversationBytes) / 2, $"{store.TotalBytes} bytes kept");
        Assert.Equal(conversations.TakeLast(live.Count), live);
        var (kept, watermark, _) = await conversations[^1].ReadAfterAsync(0, default);
        Assert.Equal(200, watermark);
        Assert.Equal(Enumerable.Range(201 - kept.Count, kept.Count).Select(n => (long)n), kept.Select(activity => activity.ChannelData!["webchat:sequence-id"]!.GetValue<long>()));
        if (maxTotalBytes is not null)
        {
            Assert.True(conversations[0].Ended.IsCancellationRequested);
        }
    }

    [Fact]
    public async Task ActivitiesDroppedOverTheConversationBoundLeaveTheWatermarkValid()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxConversationBytes"] = "65536",
            ["DirectLine:MaxTotalBytes"] = "131072",
        });
        var client = new DirectLineTestClient(host.NewClient());
        await client.StartAsync();
        var first = await client.GetActivitiesAsync(null);

        for (var i = 0; i < 12; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new
            {
                type = "event",
                name = "filler",
                value = new string('x', 20 * 1024),
                from = new { id = "r_webchat" },
            });
            response.EnsureSuccessStatusCode();
        }

        var after = await client.GetActivitiesAsync(first.Watermark);
        Assert.Equal("13", after.Watermark);
        Assert.InRange(after.Activities.Count, 1, 4);
        Assert.Equal($"{client.ConversationId}|0000013", after.Activities[^1].Id);
        Assert.True(host.Services.GetRequiredService<InMemoryTranscriptStore>().TotalBytes <= 65536);
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("surrogate")]
    [InlineData("mention")]
    public async Task AnActivityThatCouldNotBeSentBackIsRefusedAndTheConversationStaysReadable(string kind)
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineTestClient(host.NewClient());
        await client.StartAsync();
        var channelData = kind switch
        {
            "deep" => new string('[', 29) + new string(']', 29),
            "surrogate" => "{\"clientActivityID\":\"a\\ud800b\"}",
            _ => "{}",
        };
        var entities = kind == "mention" ? "[{\"type\":\"mention\",\"mentioned\":\"x\"}]" : "[]";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent(
                $"{{\"type\":\"message\",\"text\":\"hej\",\"from\":{{\"id\":\"u\"}},\"entities\":{entities},\"channelData\":{channelData}}}",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new("Bearer", client.Token);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("BadArgument", (string?)error!["error"]!["code"]);
        await client.SendAsync("Hvad er iskias?");
        var all = await client.PollUntilAsync(activities => activities.Count(activity => activity.From?.Role == "bot" && activity.Type == "message") >= 2);
        Assert.DoesNotContain(all, activity => activity.Text == "hej");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(client.StreamUrl!), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var frame = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Text, frame.MessageType);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task ANewPatientGetsInWhenTheStoreIsFullAndAnIdleConversationMakesRoomNotOneWithASocket()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "2" });
        var withSocket = new DirectLineTestClient(host.NewClient());
        var polling = new DirectLineTestClient(host.NewClient());
        var newcomer = new DirectLineTestClient(host.NewClient());
        await withSocket.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(withSocket.StreamUrl!), CancellationToken.None);
        await polling.StartAsync();
        // The polling patient is the more recent one; the socket keeps the other anyway.
        await polling.GetActivitiesAsync(null);

        await newcomer.StartAsync();

        using var gone = await polling.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{polling.ConversationId}/activities", null);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.NotNull(await withSocket.GetActivitiesAsync(null));
        Assert.NotNull(await newcomer.GetActivitiesAsync(null));
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task RequestsWithoutAValidTokenDoNotSpendAPatientsMessageQuota()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MessagesPerMinute"] = "2" });
        var patient = new DirectLineTestClient(host.NewClient());
        await patient.StartAsync();
        var path = $"/v3/directline/conversations/{patient.ConversationId}/activities";
        var forged = new DirectLineTokenService(Options.Create(new DirectLineOptions()), TimeProvider.System).Issue(patient.ConversationId, "dl_x");

        for (var i = 0; i < 5; i++)
        {
            using var anonymous = await patient.Http.PostAsJsonAsync(path, new { type = "message", text = "spam" });
            using var withForged = await patient.SendAsync(HttpMethod.Post, path, new { type = "message", text = "spam" }, forged);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, withForged.StatusCode);
        }

        await patient.SendAsync("Hvad er iskias?");
        await patient.SendAsync("Hvad kan jeg selv gøre?");
        using var third = await patient.SendAsync(HttpMethod.Post, path, new { type = "message", text = "hej", from = new { id = "x" } });

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var error = await third.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("TooManyRequests", (string?)error!["error"]!["code"]);
    }

    [Fact]
    public void RetryAfterIsTheTimeUntilTheWindowReopens()
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        using var quota = new FixedWindowQuota(2, TimeSpan.FromMinutes(1), time);

        Assert.True(quota.AttemptAcquire().IsAcquired);
        time.Now = time.Now.AddSeconds(10);
        Assert.True(quota.AttemptAcquire().IsAcquired);
        time.Now = time.Now.AddSeconds(35);
        using var rejected = quota.AttemptAcquire();

        Assert.False(rejected.IsAcquired);
        Assert.True(rejected.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(15), retryAfter);
        Assert.Null(quota.IdleDuration);
        time.Now = time.Now.AddSeconds(15);
        Assert.True(quota.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task TheTokenEndpoints429SaysWhenToComeBack()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "1" });
        using var http = host.NewClient();
        (await http.PostAsync("/api/directline/token", null)).Dispose();
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        using var refused = await http.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 58);
        var error = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("TooManyRequests", (string?)error!["error"]!["code"]);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    public void ClientsCountAgainstTheirIpv4AddressOrIpv664(string one, string other, bool same)
    {
        var first = ClientNetwork.Of(IPAddress.Parse(one));
        var second = ClientNetwork.Of(IPAddress.Parse(other));

        Assert.Equal(same, first == second);
    }

    [Fact]
    public async Task ResponsesThatCarryATokenAreNotCached()
    {
        await using var host = await BotTestHost.StartAsync();
        var client = new DirectLineTestClient(host.NewClient());
        await client.StartAsync();

        using var resume = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=", null);
        using var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null);

        Assert.All([resume, start, refresh], response =>
        {
            Assert.True(response.IsSuccessStatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore);
        });
    }
}
