using System.Globalization;
using System.Net.Http.Json;
using Xunit.Abstractions;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace FaqBot.Tests.Storage;

/// <summary>
/// A replica dies while delivering a Teams turn's replies to the Connector: the other replica, sharing the real
/// PostgreSQL, delivers what was not acknowledged, in order, once the dead one's lease runs out, and nothing the
/// Connector acknowledged comes twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReplyDeliveryTakeoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [PostgresFact]
    public async Task RepliesQueuedByAReplicaThatDiesAreDeliveredByTheOtherInOrderAndOnce()
    {
        const string Question = "Hjælper øvelser mod iskias?";
        await using var database = await PostgresServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var (a, b) = await FaqBotServerProcess.StartReplicasAsync(
            await database.CreateDatabaseAsync(),
            both: new Dictionary<string, string>
            {
                ["BotChannel__AllowAnonymous"] = "true",
                ["BotChannel__OutboxLease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
                ["BotChannel__OutboxRecoveryInterval"] = "00:00:00.5",
            });
        await using var replicaA = a;
        await using var replicaB = b;
        // What one turn answers (inline, in another conversation): the bubbles the Connector must get, once each.
        var reference = Activities.Message(Question);
        reference["conversation"]!["id"] = "reference";
        var expected = (await Activities.ExpectRepliesAsync(replicaB.NewClient(), reference)).Select(reply => (string?)reply!["text"]).ToList();

        // A queues the turn and starts delivering; the Connector holds its first call (the typing indicator) and A dies.
        connector.HoldFirstRequest();
        using (var posted = await replicaA.NewClient().PostAsJsonAsync("/api/messages", Activities.Message(Question, serviceUrl: connector.ServiceUrl, deliveryMode: null)))
        {
            posted.EnsureSuccessStatusCode();
        }

        Assert.Equal("typing", (await connector.NextAsync()).Type);
        await replicaA.KillAsync();
        var sinceCrash = Stopwatch.StartNew();
        connector.Release();

        // The typing indicator was never acknowledged, so B sends it again; then every bubble, in order.
        var delivered = await connector.NextAsync(1 + expected.Count);
        output.WriteLine($"Delivered by B {sinceCrash.Elapsed.TotalSeconds:0.00} s after A died (lease {Lease.TotalSeconds} s)");
        Assert.Equal("typing", delivered[0].Type);
        Assert.Equal(expected, delivered.Skip(1).Select(request => (string?)request.Body["text"]));
        Assert.All(delivered, request => Assert.Contains(Uri.EscapeDataString(Activities.TeamsConversationId), request.RawTarget, StringComparison.Ordinal));
        // Stored and sent addressed by ids only: no display name.
        Assert.All(delivered, request => Assert.Null(request.Body["recipient"]?["name"]));
        await Task.Delay(Lease * 2);
        Assert.False(connector.HasMoreRequests);
    }
}
