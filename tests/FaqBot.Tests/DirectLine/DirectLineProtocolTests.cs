using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.DirectLine;

/// <summary>Direct Line 3.0 as DirectLineJS uses it, over real HTTP and WebSockets on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheUsersActivityIsEchoedWithThePostedIdAndClientActivityIDThenTypingAndTheReply()
    {
        var client = new DirectLineTestClient(_host.NewClient());
        await client.StartAsync();

        var id = await client.SendAsync("Hvad er iskias?", "client-1");

        var all = await client.PollUntilAsync(activities => activities.Count(IsBotMessage) >= 2);
        Assert.Equal(FakeReplyComposer.WelcomeText, all[0].Text);
        var echo = Assert.Single(all, activity => activity.Id == id);
        Assert.Equal("client-1", echo.ChannelData!["clientActivityID"]!.GetValue<string>());
        Assert.StartsWith("dl_", echo.From!.Id, StringComparison.Ordinal);
        Assert.Equal("user", echo.From.Role);
        Assert.True(echo.AdditionalProperties!.ContainsKey("timestamp"));
        var afterEcho = all.SkipWhile(activity => activity.Id != id).Skip(1).ToList();
        Assert.Equal(ActivityTypes.Typing, afterEcho[0].Type);
        var reply = afterEcho.Single(IsBotMessage);
        Assert.Equal(id, reply.ReplyToId);
        Assert.Equal("bot", reply.From!.Role);
        Assert.Contains(FakeReplyComposer.SafetyNote, reply.Text, StringComparison.Ordinal);
        Assert.Equal(FakeReplyComposer.RelatedQuestions, reply.SuggestedActions!.Actions.Select(action => action.Value));
        Assert.Equal([echo.From.Id!], reply.SuggestedActions.To);
        // Ids are {conversation}|{seq}; the watermark is the sequence as a string, and sequence ids follow it.
        Assert.All(all, activity => Assert.StartsWith(client.ConversationId + "|", activity.Id, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(n => (long)n), all.Select(activity => activity.ChannelData!["webchat:sequence-id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task StartingAgainWithTheSameTokenReturns200AndTheSameConversation()
    {
        var client = new DirectLineTestClient(_host.NewClient());
        await client.StartAsync();

        using var again = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(client.ConversationId, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebsocketReconnectWithTheWatermarkLosesAndRepeatsNothing()
    {
        var client = new DirectLineTestClient(_host.NewClient());
        await client.StartAsync();
        var seen = new List<Activity>();

        string watermark;
        using (var socket = await DirectLineSocket.ConnectAsync(client.StreamUrl!))
        {
            await client.SendAsync("Hvad er iskias?");
            watermark = await DirectLineSocket.ReceiveUntilAsync(socket, seen, () => seen.Count(IsBotMessage) >= 2);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        // Messages sent while no socket is open wait in the log.
        await client.SendAsync("Hvor længe varer iskias?");
        await client.SendAsync("Hvad kan jeg selv gøre?");
        await Task.Delay(200);

        // DirectLineJS reconnects through GET /conversations/{id}?watermark=, which hands out a new streamUrl.
        using var resume = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}", null);
        resume.EnsureSuccessStatusCode();
        var resumed = JsonSerializer.Deserialize<DirectLineConversationResponse>(await resume.Content.ReadAsStringAsync(), BotJson.Options)!;
        Assert.Contains("watermark=" + watermark, resumed.StreamUrl, StringComparison.Ordinal);
        using (var socket = await DirectLineSocket.ConnectAsync(resumed.StreamUrl!))
        {
            await DirectLineSocket.ReceiveUntilAsync(socket, seen, () => seen.Count(IsBotMessage) >= 4);
        }

        var ids = seen.Select(activity => activity.Id!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        var all = (await client.GetActivitiesAsync(null)).Activities.Select(activity => activity.Id!).ToList();
        Assert.Equal(all, ids);

        // Polling from the same watermark sees the same activities.
        var polled = await client.GetActivitiesAsync(watermark);
        Assert.Equal(ids.SkipWhile(id => id != ids.First(candidate => Sequence(candidate) > long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture))), polled.Activities.Select(activity => activity.Id!));
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), polled.Watermark);
    }

    [Fact]
    public async Task ATokenForOneConversationCannotReadOrPostToAnother()
    {
        var alice = new DirectLineTestClient(_host.NewClient());
        var bob = new DirectLineTestClient(_host.NewClient());
        await alice.StartAsync();
        await bob.StartAsync();
        var bobs = $"/v3/directline/conversations/{bob.ConversationId}";

        using var read = await alice.SendAsync(HttpMethod.Get, bobs + "/activities?watermark=", null);
        using var post = await alice.SendAsync(HttpMethod.Post, bobs + "/activities", new { type = "message", text = "hej" });
        using var resume = await alice.SendAsync(HttpMethod.Get, bobs, null);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resume.StatusCode);
        Assert.DoesNotContain((await bob.GetActivitiesAsync(null)).Activities, activity => activity.Text == "hej");

        // Alice's stream token opens only Alice's stream.
        var alicesStream = new Uri(alice.StreamUrl!);
        var stolen = alice.StreamUrl!.Replace(alice.ConversationId, bob.ConversationId, StringComparison.Ordinal);
        var exception = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineSocket.ConnectAsync(stolen));
        Assert.Contains("403", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(alicesStream);

        // A stream token is no REST token.
        var streamToken = Uri.UnescapeDataString(alice.StreamUrl!.Split("t=")[1].Split('&')[0]);
        using var withStreamToken = await alice.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{alice.ConversationId}/activities", null, streamToken);
        Assert.Equal(HttpStatusCode.Forbidden, withStreamToken.StatusCode);
    }

    [Fact]
    public async Task AnExpiredOrForgedTokenGets401()
    {
        var client = new DirectLineTestClient(_host.NewClient());
        await client.StartAsync();
        var past = new DirectLineTokenService(
            Options.Create(new DirectLineOptions { TokenSigningKey = BotTestHost.SigningKey }),
            new AdjustableTimeProvider(DateTimeOffset.UtcNow.AddHours(-2)));
        var expired = past.Issue(client.ConversationId, "dl_someone");
        var forged = new DirectLineTokenService(Options.Create(new DirectLineOptions()), TimeProvider.System).Issue(client.ConversationId, "dl_someone");
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";

        using var withExpired = await client.SendAsync(HttpMethod.Get, path, null, expired);
        using var refreshExpired = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, expired);
        using var withForged = await client.SendAsync(HttpMethod.Post, path, new { type = "message", text = "hej" }, forged);
        using var without = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, withExpired.StatusCode);
        Assert.Contains("TokenExpired", await withExpired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshExpired.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withForged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    [Fact]
    public async Task RefreshGivesANewTokenForTheSameConversationThatLivesAtLeast30Minutes()
    {
        var client = new DirectLineTestClient(_host.NewClient());
        await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null);

        response.EnsureSuccessStatusCode();
        var refreshed = JsonSerializer.Deserialize<DirectLineConversationResponse>(await response.Content.ReadAsStringAsync(), BotJson.Options)!;
        Assert.Equal(client.ConversationId, refreshed.ConversationId);
        Assert.True(refreshed.ExpiresIn >= 1800);
        var set = await new DirectLineTestClient(client.Http).WaitForActivitiesWithAsync(client.ConversationId, refreshed.Token);
        Assert.NotEmpty(set.Activities);
    }

    [Fact]
    public async Task FiftyConcurrentConversationsEachGetExactlyTheirOwnRepliesInOrder()
    {
        using var http = _host.NewClient();
        var clients = Enumerable.Range(0, 50).Select(_ => new DirectLineTestClient(http)).ToList();

        await Task.WhenAll(clients.Select(async (client, index) =>
        {
            await client.StartAsync();
            for (var turn = 0; turn < 3; turn++)
            {
                await client.SendAsync($"Spørgsmål {turn} fra samtale {index}");
            }
        }));
        var transcripts = await Task.WhenAll(clients.Select(client => client.PollUntilAsync(all => all.Count(IsBotMessage) >= 4, TimeSpan.FromSeconds(60))));

        for (var index = 0; index < clients.Count; index++)
        {
            var messages = transcripts[index].Where(IsBotMessage).ToList();
            Assert.Equal(4, messages.Count);
            Assert.Equal(FakeReplyComposer.WelcomeText, messages[0].Text);
            for (var turn = 0; turn < 3; turn++)
            {
                Assert.Contains($"Svar på: Spørgsmål {turn} fra samtale {index}\n", messages[turn + 1].Text, StringComparison.Ordinal);
            }

            var userIds = transcripts[index].Where(activity => activity.From?.Role == "user").Select(activity => activity.From!.Id).Distinct();
            Assert.Single(userIds);
        }
    }

    [Fact]
    public async Task CorsAllowsOnlyTheConfiguredSiteAndTheTokenEndpointRefusesOtherSites()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = "https://klinik.example.dk" });
        using var http = host.NewClient();

        using var allowed = await PreflightAsync(http, "https://klinik.example.dk");
        using var other = await PreflightAsync(http, "https://evil.example.com");
        using var tokenFromOther = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        tokenFromOther.Headers.Add("Origin", "https://evil.example.com");
        using var refused = await http.SendAsync(tokenFromOther);

        Assert.Equal("https://klinik.example.dk", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task TheTokenEndpointIsRateLimited()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "3" });
        using var http = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsync("/api/directline/token", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task IdleConversationsAreForgottenAndAFullStoreForgetsTheLeastRecentlyUsed()
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryTranscriptStore(
            Options.Create(new TranscriptLimits { MaxConversations = 2, MaxActivitiesPerConversation = 3, IdleTimeout = TimeSpan.FromMinutes(10) }),
            time);

        var (first, _) = store.GetOrStart("a", "dl_a");
        time.Now = time.Now.AddMinutes(1);
        var (second, _) = store.GetOrStart("b", "dl_b");
        time.Now = time.Now.AddMinutes(1);
        store.Find("a");
        var (third, created) = store.GetOrStart("c", "dl_c");
        Assert.True(created);
        Assert.Null(store.Find("b"));
        Assert.True(second.Ended.IsCancellationRequested);
        for (var i = 0; i < 5; i++)
        {
            await first.AppendAsync(new Activity { Type = "message", Text = $"{i}" }, time.GetUtcNow());
        }

        Assert.Equal(["2", "3", "4"], (await first.ReadAfterAsync(0, default)).Activities.Select(activity => activity.Text));
        time.Now = time.Now.AddMinutes(11);
        Assert.Equal(2, store.RemoveIdle());
        Assert.Null(store.Find("a"));
        Assert.True(first.Ended.IsCancellationRequested);
        Assert.True(third.Ended.IsCancellationRequested);
        Assert.Equal(0, store.TotalBytes);
    }

    [Fact]
    public async Task ASecondSocketReplacesTheFirstAndOtherSitesCannotOpenOne()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = "https://klinik.example.dk" });
        var client = new DirectLineTestClient(host.NewClient());
        await client.StartAsync();

        using var first = await DirectLineSocket.ConnectAsync(client.StreamUrl!);
        using var second = await DirectLineSocket.ConnectAsync(client.StreamUrl!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // The server registers a socket after its handshake, so under load the second handshake can be registered
        // first: whichever the server took first is closed as a collision, and the other stays open.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var firstClosed = ReceiveUntilClosedAsync(first, reading.Token);
        var secondClosed = ReceiveUntilClosedAsync(second, reading.Token);
        var closed = await await Task.WhenAny(firstClosed, secondClosed);
        Assert.Equal("collision", closed.CloseStatusDescription);
        var other = closed == first ? second : first;
        Assert.Equal(WebSocketState.Open, other.State);
        await reading.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => closed == first ? secondClosed : firstClosed);

        var fromOtherSite = new ClientWebSocket();
        fromOtherSite.Options.SetRequestHeader("Origin", "https://evil.example.com");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => fromOtherSite.ConnectAsync(new Uri(client.StreamUrl!), timeout.Token));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        var fromClinic = new ClientWebSocket();
        fromClinic.Options.SetRequestHeader("Origin", "https://klinik.example.dk");
        await fromClinic.ConnectAsync(new Uri(client.StreamUrl!), timeout.Token);
        Assert.Equal(WebSocketState.Open, fromClinic.State);
        fromClinic.Dispose();
        fromOtherSite.Dispose();
    }

    private static async Task<ClientWebSocket> ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while ((await socket.ReceiveAsync(buffer, cancellationToken)).MessageType != WebSocketMessageType.Close)
        {
        }

        return socket;
    }

    [Fact]
    public async Task ABackEndWithTheSecretGeneratesTokensAndWithoutItCannot()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:Secret"] = "server-side-secret-for-tests" });
        var client = new DirectLineTestClient(host.NewClient());

        using var generated = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", new { user = new { id = "dl_patient42" } }, "server-side-secret-for-tests");
        using var wrongSecret = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null, "guess");

        generated.EnsureSuccessStatusCode();
        var conversation = JsonSerializer.Deserialize<DirectLineConversationResponse>(await generated.Content.ReadAsStringAsync(), BotJson.Options)!;
        Assert.Null(conversation.StreamUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        using var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, conversation.Token);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var set = await client.WaitForActivitiesWithAsync(conversation.ConversationId, conversation.Token);
        Assert.Equal("dl_patient42", Assert.Single(set.Activities).Recipient!.Id);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient http, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return await http.SendAsync(request);
    }

    private static bool IsBotMessage(Activity activity) => activity.Type == ActivityTypes.Message && activity.From?.Role == "bot";

    private static long Sequence(string id) => long.Parse(id[(id.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

}
