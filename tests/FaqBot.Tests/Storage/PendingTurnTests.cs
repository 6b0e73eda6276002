using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.Storage;

/// <summary>
/// Pending turns and their lease, in memory and on a real PostgreSQL shared by two stores (two replicas): each turn is
/// answered exactly once and in order, a lease that ran out is taken over, and the replica that lost it cannot answer too.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PendingTurnTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    [Fact]
    public Task ATurnWhoseLeaseRanOutWhileComposingIsAnsweredOnlyByTheTakeoverInMemory() =>
        InMemoryAsync(LeaseRanOutWhileComposingAsync);

    [PostgresFact]
    public Task ATurnWhoseLeaseRanOutWhileComposingIsAnsweredOnlyByTheTakeoverInPostgres() =>
        InPostgresAsync(LeaseRanOutWhileComposingAsync);

    [Fact]
    public Task AnsweredTurnsAreNotTakenOverWhenTheLeaseRunsOutInMemory() => InMemoryAsync(AnsweredTurnsAreNotTakenOverAsync);

    [PostgresFact]
    public Task AnsweredTurnsAreNotTakenOverWhenTheLeaseRunsOutInPostgres() => InPostgresAsync(AnsweredTurnsAreNotTakenOverAsync);

    [Fact]
    public Task ATurnArrivingWhileTheLeaseIsHeldIsReportedOnReleaseInMemory() => InMemoryAsync(ArrivingWhileHeldAsync);

    [PostgresFact]
    public Task ATurnArrivingWhileTheLeaseIsHeldIsReportedOnReleaseInPostgres() => InPostgresAsync(ArrivingWhileHeldAsync);

    [Fact]
    public Task RacingToSettleTheSameTurnAnswersItOnceInMemory() => InMemoryAsync(RacingSettlesOnceAsync);

    [PostgresFact]
    public Task RacingToSettleTheSameTurnAnswersItOnceInPostgres() => InPostgresAsync(RacingSettlesOnceAsync);

    private static async Task LeaseRanOutWhileComposingAsync(ITranscriptStore a, ITranscriptStore b, AdjustableTimeProvider time)
    {
        var (onA, _) = await a.GetOrStartAsync("c1", "dl_1", default);
        Assert.True((await onA.AppendTurnAsync(Message("m1"), onA.StampAt(time.GetUtcNow()), default)).AwaitsReply);
        var leaseA = Assert.IsAssignableFrom<ITurnLease>(await onA.TryLeaseTurnsAsync(Lease, default));
        var turnA = Assert.IsType<PendingTurn>(await leaseA.NextAsync(default));
        Assert.Equal("m1", turnA.Message.Text);
        var onB = Assert.IsAssignableFrom<ITranscript>(await b.FindAsync("c1", default));
        Assert.Null(await onB.TryLeaseTurnsAsync(Lease, default));
        Assert.Empty(await b.FindAbandonedTurnsAsync(Lease, 10, default));

        // A hangs past its lease while composing: B takes the turn over and answers it.
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(["c1"], await b.FindAbandonedTurnsAsync(Lease, 10, default));
        var leaseB = Assert.IsAssignableFrom<ITurnLease>(await onB.TryLeaseTurnsAsync(Lease, default));
        var turnB = Assert.IsType<PendingTurn>(await leaseB.NextAsync(default));
        Assert.Equal(turnA.Sequence, turnB.Sequence);
        Assert.True(await leaseB.CompleteAsync(turnB, [Reply("from B")], onB.StampAt(time.GetUtcNow())));

        // A wakes up with its reply: refused, nothing appended.
        Assert.False(await leaseA.CompleteAsync(turnA, [Reply("from A")], onA.StampAt(time.GetUtcNow())));
        Assert.Null(await leaseA.NextAsync(default));
        Assert.False(await leaseB.ReleaseAsync());
        Assert.False(await leaseA.ReleaseAsync());
        Assert.Equal(["m1", "from B"], await TextsInSequenceAsync(onB));
        Assert.Empty(await a.FindAbandonedTurnsAsync(Lease, 10, default));
    }

    private static async Task AnsweredTurnsAreNotTakenOverAsync(ITranscriptStore a, ITranscriptStore b, AdjustableTimeProvider time)
    {
        var (onA, _) = await a.GetOrStartAsync("c2", "dl_2", default);
        await onA.AppendTurnAsync(Message("m1"), onA.StampAt(time.GetUtcNow()), default);
        await onA.AppendTurnAsync(Message("m2"), onA.StampAt(time.GetUtcNow()), default);

        // Claimed nowhere yet: another replica takes it only after a lease's length.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await b.FindAbandonedTurnsAsync(Lease, 10, default));
        var lease = Assert.IsAssignableFrom<ITurnLease>(await onA.TryLeaseTurnsAsync(Lease, default));
        foreach (var expected in new[] { "m1", "m2" })
        {
            var turn = Assert.IsType<PendingTurn>(await lease.NextAsync(default));
            Assert.Equal(expected, turn.Message.Text);
            Assert.True(await lease.CompleteAsync(turn, [Reply("re " + expected), Reply("more " + expected)], onA.StampAt(time.GetUtcNow())));
        }

        // A dies holding the lease after both replies were stored: its lease runs out, and there is nothing to take over.
        time.Advance(Lease * 2);
        Assert.Empty(await b.FindAbandonedTurnsAsync(Lease, 10, default));
        var onB = Assert.IsAssignableFrom<ITranscript>(await b.FindAsync("c2", default));
        var takeover = Assert.IsAssignableFrom<ITurnLease>(await onB.TryLeaseTurnsAsync(Lease, default));
        Assert.Null(await takeover.NextAsync(default));
        Assert.False(await takeover.ReleaseAsync());
        Assert.Equal(["m1", "m2", "re m1", "more m1", "re m2", "more m2"], await TextsInSequenceAsync(onB));
    }

    private static async Task ArrivingWhileHeldAsync(ITranscriptStore a, ITranscriptStore b, AdjustableTimeProvider time)
    {
        var (onA, _) = await a.GetOrStartAsync("c3", "dl_3", default);
        var onB = Assert.IsAssignableFrom<ITranscript>(await b.FindAsync("c3", default));
        var lease = Assert.IsAssignableFrom<ITurnLease>(await onA.TryLeaseTurnsAsync(Lease, default));
        Assert.Null(await lease.NextAsync(default));

        // A message reaches B just as A finds nothing left: B cannot claim, and A's release says a turn is waiting.
        await onB.AppendTurnAsync(Message("m1"), onB.StampAt(time.GetUtcNow()), default);
        Assert.Null(await onB.TryLeaseTurnsAsync(Lease, default));
        Assert.True(await lease.ReleaseAsync());
        var again = Assert.IsAssignableFrom<ITurnLease>(await onA.TryLeaseTurnsAsync(Lease, default));
        Assert.Equal("m1", Assert.IsType<PendingTurn>(await again.NextAsync(default)).Message.Text);
    }

    private static async Task RacingSettlesOnceAsync(ITranscriptStore a, ITranscriptStore b, AdjustableTimeProvider time)
    {
        var (onA, _) = await a.GetOrStartAsync("c4", "dl_4", default);
        var onB = Assert.IsAssignableFrom<ITranscript>(await b.FindAsync("c4", default));
        for (var i = 0; i < 20; i++)
        {
            await onA.AppendTurnAsync(Message($"m{i}"), onA.StampAt(time.GetUtcNow()), default);
            var lease = Assert.IsAssignableFrom<ITurnLease>(await onA.TryLeaseTurnsAsync(Lease, default));
            var turn = Assert.IsType<PendingTurn>(await lease.NextAsync(default));

            // The lease holder's answer and B's apology (too much work waiting there) race for the same turn.
            var settled = await Task.WhenAll(
                Task.Run(() => lease.CompleteAsync(turn, [Reply($"answer {i}")], onA.StampAt(time.GetUtcNow()))),
                Task.Run(() => onB.SettleTurnAsync(turn, [Reply($"apology {i}")], onB.StampAt(time.GetUtcNow()))));
            Assert.Single(settled, won => won);
            Assert.False(await lease.ReleaseAsync());
        }

        var texts = await TextsInSequenceAsync(onB);
        Assert.Equal(40, texts.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"m{i}", texts[2 * i]);
            Assert.Matches($"^(answer|apology) {i}$", texts[(2 * i) + 1]);
        }
    }

    private static async Task InMemoryAsync(Func<ITranscriptStore, ITranscriptStore, AdjustableTimeProvider, Task> scenario)
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryTranscriptStore(Options.Create(new TranscriptLimits()), time);
        await scenario(store, store, time);
    }

    private static async Task InPostgresAsync(Func<ITranscriptStore, ITranscriptStore, AdjustableTimeProvider, Task> scenario)
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var replicaA = await StorageServices.StartAsync(connectionString, new TranscriptLimits(), time);
        await using var replicaB = await StorageServices.StartAsync(connectionString, new TranscriptLimits(), time);
        await scenario(replicaA.GetRequiredService<ITranscriptStore>(), replicaB.GetRequiredService<ITranscriptStore>(), time);
    }

    /// <summary>The texts of the transcript's messages, in the order of their numbers.</summary>
    private static async Task<List<string?>> TextsInSequenceAsync(ITranscript transcript) =>
        [.. (await transcript.ReadAfterAsync(0, default)).Activities
            .Where(activity => activity.Type == ActivityTypes.Message)
            .OrderBy(activity => activity.ChannelData!["webchat:sequence-id"]!.GetValue<long>())
            .Select(activity => activity.Text)];

    private static Activity Message(string text) =>
        new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "dl_user", Role = "user" } };

    private static Activity Reply(string text) =>
        new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "faqbot", Role = "bot" } };
}
