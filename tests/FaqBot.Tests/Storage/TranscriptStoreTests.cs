using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.DirectLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.Storage;

/// <summary>The same bounds, expiry and memory in both stores: each check runs on memory and on a real PostgreSQL.</summary>
[Trait("Category", "Integration")]
public sealed class TranscriptStoreTests
{
    private static readonly TranscriptLimits SmallLimits = new()
    {
        MaxConversations = 2,
        MaxActivitiesPerConversation = 3,
        IdleTimeout = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public async Task IdleAndLeastRecentlyUsedTranscriptsAreForgottenInMemory()
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await IdleAndLeastRecentlyUsedAreForgottenAsync(new InMemoryTranscriptStore(Options.Create(SmallLimits), time), time);
    }

    [PostgresFact]
    public async Task IdleAndLeastRecentlyUsedTranscriptsAreForgottenInPostgres()
    {
        await using var database = await PostgresServer.StartAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var storage = await StartAsync(await database.CreateDatabaseAsync(), SmallLimits, time);
        await IdleAndLeastRecentlyUsedAreForgottenAsync(storage.GetRequiredService<ITranscriptStore>(), time);
    }

    [Fact]
    public async Task TheByteBoundsHoldInMemory()
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await ByteBoundsHoldAsync(new InMemoryTranscriptStore(Options.Create(ByteLimits), time), time);
    }

    [PostgresFact]
    public async Task TheByteBoundsHoldInPostgres()
    {
        await using var database = await PostgresServer.StartAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var storage = await StartAsync(await database.CreateDatabaseAsync(), ByteLimits, time);
        await ByteBoundsHoldAsync(storage.GetRequiredService<ITranscriptStore>(), time);
    }

    [Fact]
    public async Task ATranscriptWithAnOpenStreamIsEvictedLastInMemory()
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await OpenStreamIsEvictedLastAsync(new InMemoryTranscriptStore(Options.Create(SmallLimits), time), time, streamMarked: _ => Task.CompletedTask);
    }

    [PostgresFact]
    public async Task ATranscriptWithAnOpenStreamIsEvictedLastInPostgres()
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var storage = await StartAsync(connectionString, SmallLimits, time);
        // The mark is written in the background: wait until the database has it, as another replica would see it.
        await OpenStreamIsEvictedLastAsync(storage.GetRequiredService<ITranscriptStore>(), time, streamMarked: id => Eventually(async () =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var read = new Npgsql.NpgsqlCommand("SELECT streamed_until IS NOT NULL FROM faqbot_transcript WHERE id = $1", connection);
            read.Parameters.AddWithValue(id);
            return await read.ExecuteScalarAsync() is true;
        }));
    }

    [PostgresFact]
    public async Task WhatIsShownDuringAnOutageNeverSkipsPastWhatAnotherReplicaStoredJustBefore()
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var other = await StartAsync(connectionString, SmallLimits, time);
        // This replica never hears the other's notification (as when its listener broke just before the outage).
        await using var deaf = await StorageServices.StartAsync(connectionString, SmallLimits, time, listens: false);
        var (here, _) = await deaf.GetRequiredService<ITranscriptStore>().GetOrStartAsync("c", "dl_c", default);
        var there = (await other.GetRequiredService<ITranscriptStore>().FindAsync("c", default))!;
        await there.AppendAsync(new Activity { Type = "message", Text = "stored just before" }, time.GetUtcNow());

        await database.StopAsync();
        await here.AppendAsync(new Activity { Type = "message", Text = "kept" }, time.GetUtcNow());
        var during = await here.ReadAfterAsync(0, default);
        Assert.Equal(["kept"], during.Activities.Select(activity => activity.Text));
        Assert.Equal(0, during.Watermark);
        Assert.True(during.ProvisionalThrough > 0);
        await database.StartAgainAsync();

        // The client reads on from the watermark it was given: nothing is skipped, and "kept" keeps its id.
        var page = await here.ReadAfterAsync(during.Watermark, default);
        Assert.Equal(["stored just before", "kept"], page.Activities.Select(activity => activity.Text));
        Assert.Equal(during.Activities[0].Id, page.Activities[1].Id);
        Assert.Equal(page.Watermark, during.ProvisionalThrough);
    }

    [PostgresFact]
    public async Task ConversationMemoryInPostgresExpiresAndIsBounded()
    {
        await using var database = await PostgresServer.StartAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var storage = await StartAsync(await database.CreateDatabaseAsync(), SmallLimits, time, maxRemembered: 2);
        var memory = storage.GetRequiredService<IConversationMemory>();
        var state = new ConversationState(new PendingScreening("nightPain", time.GetUtcNow()), ["nightPain"]);

        Assert.True(await memory.SetAsync("a", state, default));
        Assert.Equal(state.Pending, (await memory.GetAsync("a", default))!.Pending);
        Assert.Equal(state.AskedKinds, (await memory.GetAsync("a", default))!.AskedKinds);
        Assert.True(await memory.SetAsync("b", state, default));
        Assert.False(await memory.SetAsync("c", state, default));
        Assert.True(await memory.SetAsync("a", state with { Pending = null }, default));
        await memory.RemoveAsync("b", default);
        Assert.Null(await memory.GetAsync("b", default));
        time.Advance(TimeSpan.FromHours(3));
        Assert.Null(await memory.GetAsync("a", default));
        Assert.True(await memory.SetAsync("c", state, default));
    }

    /// <summary>At the count bound the oldest transcript goes, unless a stream is open on it: then the next oldest.</summary>
    private static async Task OpenStreamIsEvictedLastAsync(ITranscriptStore store, AdjustableTimeProvider time, Func<string, Task> streamMarked)
    {
        var (streamed, _) = await store.GetOrStartAsync("streamed", "dl_s", default);
        using var stream = streamed.StreamOpened();
        await streamMarked("streamed");
        time.Advance(TimeSpan.FromSeconds(5));
        var (polled, _) = await store.GetOrStartAsync("polled", "dl_p", default);
        time.Advance(TimeSpan.FromSeconds(5));

        await store.GetOrStartAsync("newcomer", "dl_n", default);

        await Eventually(() => polled.Ended.IsCancellationRequested);
        Assert.False(streamed.Ended.IsCancellationRequested);
        Assert.NotNull(await store.FindAsync("streamed", default));
        Assert.Null(await store.FindAsync("polled", default));
    }

    private static TranscriptLimits ByteLimits => new() { MaxConversationBytes = 64 * 1024, MaxTotalBytes = 160 * 1024 };

    private static async Task IdleAndLeastRecentlyUsedAreForgottenAsync(ITranscriptStore store, AdjustableTimeProvider time)
    {
        var (first, _) = await store.GetOrStartAsync("a", "dl_a", default);
        time.Advance(TimeSpan.FromMinutes(1));
        var (second, _) = await store.GetOrStartAsync("b", "dl_b", default);
        time.Advance(TimeSpan.FromMinutes(1));
        await store.FindAsync("a", default);
        var (third, created) = await store.GetOrStartAsync("c", "dl_c", default);
        Assert.True(created);
        await Eventually(() => second.Ended.IsCancellationRequested);
        Assert.Null(await store.FindAsync("b", default));
        for (var i = 0; i < 5; i++)
        {
            await first.AppendAsync(new Activity { Type = "message", Text = $"{i}" }, time.GetUtcNow());
        }

        var page = await first.ReadAfterAsync(0, default);
        Assert.Equal(["2", "3", "4"], page.Activities.Select(activity => activity.Text));
        Assert.Equal(5, page.Watermark);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(2, await store.RemoveIdleAsync(default));
        await Eventually(() => first.Ended.IsCancellationRequested && third.Ended.IsCancellationRequested);
        Assert.Null(await store.FindAsync("a", default));
    }

    private static async Task ByteBoundsHoldAsync(ITranscriptStore store, AdjustableTimeProvider time)
    {
        var payload = new string('x', 20 * 1024);
        var transcripts = new List<ITranscript>();
        for (var c = 0; c < 6; c++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var (transcript, _) = await store.GetOrStartAsync($"conversation-{c}", $"dl_{c}", default);
            transcripts.Add(transcript);
            for (var e = 0; e < 8; e++)
            {
                await transcript.AppendAsync(new Activity { Type = "event", Name = "fill", Text = payload }, time.GetUtcNow());
            }
        }

        // 6 × 8 × 20 KB offered: each keeps its newest 3 (64 KB), and only the newest two transcripts fit in 160 KB.
        await Eventually(() => transcripts.Count(transcript => !transcript.Ended.IsCancellationRequested) == 2);
        Assert.Equal(transcripts.TakeLast(2), transcripts.Where(transcript => !transcript.Ended.IsCancellationRequested));
        var newest = await transcripts[^1].ReadAfterAsync(0, default);
        Assert.Equal(8, newest.Watermark);
        Assert.Equal([6L, 7L, 8L], newest.Activities.Select(activity => activity.ChannelData!["webchat:sequence-id"]!.GetValue<long>()));
    }

    private static Task<ServiceProvider> StartAsync(string connectionString, TranscriptLimits limits, TimeProvider time, int maxRemembered = 100) =>
        StorageServices.StartAsync(connectionString, limits, time, maxRemembered);

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(50);
        }
    }
}
