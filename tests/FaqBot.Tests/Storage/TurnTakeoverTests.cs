using System.Globalization;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;
using Xunit.Abstractions;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace FaqBot.Tests.Storage;

/// <summary>
/// A replica dies after storing a patient's message and before composing the reply: the other replica, sharing the real
/// PostgreSQL, takes the turn over once the dead one's lease runs out and answers it exactly once, in order, and its
/// WebSocket shows the answer.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TurnTakeoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [PostgresFact]
    public async Task AReplicaThatDiesBeforeComposingLeavesTheTurnToTheOtherWhichAnswersItOnceAndInOrder()
    {
        await using var database = await PostgresServer.StartAsync();
        var (a, b) = await FaqBotServerProcess.StartReplicasAsync(
            await database.CreateDatabaseAsync(),
            both: new Dictionary<string, string>
            {
                ["DirectLine__TurnLease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
                ["DirectLine__TurnRecoveryInterval"] = "00:00:00.5",
            },
            // A answers the first message, then dies with the second stored and claimed, before composing it.
            onlyA: new Dictionary<string, string> { [KillBeforeComposingForTests.Variable] = "2" });
        await using var replicaA = a;
        await using var replicaB = b;
        const string First = "Hvad er iskias?";
        const string Cut = "Hjælper øvelser mod iskias?";
        const string After = "Hvor længe varer iskias?";
        var onA = new DirectLineTestClient(replicaA.NewClient());
        await onA.StartAsync();
        await onA.SendAsync(First);
        var beforeCrash = await onA.PollUntilAsync(all => all.SkipWhile(activity => activity.Text != First).Any(IsBotMessage));
        await Task.Delay(300);

        // The patient's page is connected to B by WebSocket, from what it has seen.
        var onB = onA.Via(replicaB.NewClient());
        var watermark = (await onB.GetActivitiesAsync(null)).Watermark;
        using var resume = await onB.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{onB.ConversationId}?watermark={watermark}", null);
        var streamUrl = (await resume.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<DirectLineConversationResponse>(BotJson.Options))!.StreamUrl!;
        using var socket = await DirectLineSocket.ConnectAsync(streamUrl);

        try
        {
            await onA.SendAsync(Cut);
        }
        catch (HttpRequestException)
        {
            // A may die before it answers the POST; the message was stored before that.
        }

        await replicaA.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var sinceCrash = Stopwatch.StartNew();
        var seenOnB = new List<Activity>();
        await DirectLineSocket.ReceiveUntilAsync(socket, seenOnB, () => seenOnB.SkipWhile(activity => activity.Text != Cut).Any(IsBotMessage), TimeSpan.FromSeconds(30));
        var takeover = sinceCrash.Elapsed;
        output.WriteLine($"Answered by B {takeover.TotalSeconds:0.00} s after A died (lease {Lease.TotalSeconds} s)");
        Assert.True(takeover < Lease + TimeSpan.FromSeconds(5), $"B answered only after {takeover}.");

        // Two more leases: no second takeover answers it again.
        await Task.Delay(Lease * 2);
        await onB.SendAsync(After);
        await onB.PollUntilAsync(all => all.SkipWhile(activity => activity.Text != After).Any(IsBotMessage));
        await Task.Delay(500);
        var whole = (await onB.GetActivitiesAsync(null)).Activities;

        Assert.Equal([First, Cut, After], whole.Where(activity => activity.From?.Role == "user").Select(activity => activity.Text));
        Assert.Equal(Enumerable.Range(1, whole.Count).Select(n => (long)n), whole.Select(activity => Sequence(activity.Id!)));
        Assert.Equal(beforeCrash.Select(activity => activity.Id), whole.Take(beforeCrash.Count).Select(activity => activity.Id));
        // Exactly the bubbles one turn gives that message (asked afresh on B), once, between it and the next message.
        var afresh = new DirectLineTestClient(replicaB.NewClient());
        await afresh.StartAsync();
        await afresh.PollUntilAsync(all => all.Any(IsBotMessage));
        await afresh.SendAsync(Cut);
        var reference = await afresh.PollUntilAsync(all => all.SkipWhile(activity => activity.Text != Cut).Any(IsBotMessage));
        await Task.Delay(500);
        reference = (await afresh.GetActivitiesAsync(null)).Activities.ToList();
        Assert.Equal(BotTextsAfter(reference, Cut), BotTextsAfter(whole, Cut));
        Assert.Equal(BotTextsAfter(whole, Cut).Count, whole.Count(activity => IsBotMessage(activity) && activity.ReplyToId == whole.Single(m => m.Text == Cut).Id));
        // B's socket showed the answer, as stored.
        Assert.Contains(seenOnB, activity => IsBotMessage(activity) && activity.ReplyToId == whole.Single(m => m.Text == Cut).Id);
    }

    /// <summary>The bot's messages between the user message <paramref name="text"/> and the next user message, answering it.</summary>
    private static List<string?> BotTextsAfter(IEnumerable<Activity> activities, string text)
    {
        var after = activities.SkipWhile(activity => activity.Text != text).ToList();
        return [.. after.Skip(1).TakeWhile(activity => activity.From?.Role != "user").Where(activity => IsBotMessage(activity) && activity.ReplyToId == after[0].Id).Select(activity => activity.Text)];
    }

    private static bool IsBotMessage(Activity activity) => activity.Type == ActivityTypes.Message && activity.From?.Role == "bot";

    private static long Sequence(string id) => long.Parse(id[(id.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture);
}
