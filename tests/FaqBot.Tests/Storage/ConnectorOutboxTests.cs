using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Tests.Storage;

/// <summary>
/// The Connector delivery queue's claim and acknowledgement, in memory and on a real PostgreSQL shared by two stores
/// (two replicas): in order per conversation, an acknowledged activity never comes again, a lease that ran out is taken
/// over from where it stopped, and a refused turn is dropped whole.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConnectorOutboxTests
{
    private const string Key = "http://127.0.0.1:5/|a:conversation;messageid=1";
    private static readonly Uri ServiceUrl = new("http://127.0.0.1:5/");
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ALeaseThatRanOutIsTakenOverFromTheFirstUnacknowledgedActivityInMemory()
    {
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        var outbox = new InMemoryConnectorOutbox(time);
        await TakeoverAsync(outbox, outbox, time);
    }

    [PostgresFact]
    public async Task ALeaseThatRanOutIsTakenOverFromTheFirstUnacknowledgedActivityInPostgres()
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var time = new AdjustableTimeProvider(DateTimeOffset.UtcNow);
        await using var replicaA = await StorageServices.StartAsync(connectionString, new TranscriptLimits(), time);
        await using var replicaB = await StorageServices.StartAsync(connectionString, new TranscriptLimits(), time);
        await TakeoverAsync(replicaA.GetRequiredService<IConnectorOutbox>(), replicaB.GetRequiredService<IConnectorOutbox>(), time);
    }

    private static async Task TakeoverAsync(IConnectorOutbox a, IConnectorOutbox b, AdjustableTimeProvider time)
    {
        var first = await a.EnqueueAsync(Key, ServiceUrl, [Out("typing"), Out("1a", "passage#1"), Out("1b")], default);
        var refused = await a.EnqueueAsync(Key, ServiceUrl, [Out("2a"), Out("2b")], default);
        await a.EnqueueAsync(Key, ServiceUrl, [Out("3a")], default);
        await a.EnqueueAsync("elsewhere", ServiceUrl, [Out("other")], default);

        var leaseA = Assert.IsAssignableFrom<IOutboxLease>(await a.TryLeaseAsync(Key, Lease, default));
        Assert.Null(await b.TryLeaseAsync(Key, Lease, default));
        var typing = Assert.IsType<OutboxItem>(await leaseA.NextAsync(default));
        Assert.Equal(("typing", first, ServiceUrl), (typing.Activity.Text, typing.TurnId, typing.ServiceUrl));
        await leaseA.AcknowledgeAsync(typing);
        var answer = Assert.IsType<OutboxItem>(await leaseA.NextAsync(default));
        Assert.Equal(("1a", "passage#1"), (answer.Activity.Text, answer.PassageId));
        Assert.DoesNotContain(Key, await b.FindAbandonedAsync(Lease, 10, default));

        // A dies sending "1a" (never acknowledged): after its lease B goes on from there; "typing" never comes again.
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Contains(Key, await b.FindAbandonedAsync(Lease, 10, default));
        var leaseB = Assert.IsAssignableFrom<IOutboxLease>(await b.TryLeaseAsync(Key, Lease, default));
        Assert.False(await leaseA.RenewAsync(default));
        Assert.Null(await leaseA.NextAsync(default));
        var delivered = new List<string?>();
        while (await leaseB.NextAsync(default) is { } item)
        {
            if (item.TurnId == refused)
            {
                // The Connector refused "2a": the rest of that turn goes with it.
                await b.DropTurnAsync(item.TurnId);
                continue;
            }

            delivered.Add(item.Activity.Text);
            await leaseB.AcknowledgeAsync(item);
        }

        Assert.Equal(["1a", "1b", "3a"], delivered);
        Assert.False(await leaseB.ReleaseAsync());
        Assert.DoesNotContain(Key, await a.FindAbandonedAsync(Lease, 10, default));

        // Queued while held: the release says so, and the next claim gets it.
        var leaseC = Assert.IsAssignableFrom<IOutboxLease>(await a.TryLeaseAsync(Key, Lease, default));
        Assert.Null(await leaseC.NextAsync(default));
        await b.EnqueueAsync(Key, ServiceUrl, [Out("4a")], default);
        Assert.Null(await b.TryLeaseAsync(Key, Lease, default));
        Assert.True(await leaseC.ReleaseAsync());
        var leaseD = Assert.IsAssignableFrom<IOutboxLease>(await b.TryLeaseAsync(Key, Lease, default));
        Assert.Equal("4a", (await leaseD.NextAsync(default))?.Activity.Text);
    }

    private static OutboxActivity Out(string text, string? passageId = null) =>
        new(new Activity { Type = text == "typing" ? ActivityTypes.Typing : ActivityTypes.Message, Text = text, Conversation = new ConversationAccount { Id = "a:conversation" } }, passageId);
}
