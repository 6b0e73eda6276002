using FaqBot.Conversation;

namespace FaqBot.Tests.DirectLine;

/// <summary>When a conversation already has as many turns waiting as the outbox allows, the patient gets the apology with urgent guidance at once, never silence.</summary>
[Trait("Category", "Integration")]
public sealed class DirectLineBackpressureTests
{
    [Fact]
    public async Task AMessageBeyondTheQueueBoundGetsTheApologyWithTheUrgentNumbers()
    {
        var composer = new GatedComposer();
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["BotChannel:MaxQueuedRepliesPerConversation"] = "1" },
            composer: composer);
        var client = new DirectLineTestClient(host.NewClient());
        await client.StartAsync();
        await client.PollUntilAsync(all => all.Any(a => a.Text == FakeReplyComposer.WelcomeText));

        var held = await client.SendAsync(GatedComposer.HoldMessage);
        await composer.Holding.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var refused = await client.SendAsync("hvad er iskias");
        var apology = await client.PollUntilAsync(all => all.Any(a => a.ReplyToId == refused && a.Type == "message"));
        composer.Release.SetResult();
        var all = await client.PollUntilAsync(all => all.Any(a => a.ReplyToId == held && a.Type == "message"));

        var reply = Assert.Single(apology, a => a.ReplyToId == refused && a.Type == "message");
        Assert.Equal(UrgentContacts.Default.Fill(DanishTexts.Unavailable) + "\n\n[Ring 112](tel:112)", reply.Text);
        Assert.Contains("112", reply.Text, StringComparison.Ordinal);
        // The apology is urgent advice too: the warning card with 112 to tap.
        Assert.Equal("tel:112", (string?)reply.Attachments?[0]?["content"]?["actions"]?[0]?["url"]);
        Assert.Contains(all, a => a.ReplyToId == held && a.Text == "svar");
    }

    /// <summary>Holds the turn of one message until the test releases it; answers everything else at once.</summary>
    private sealed class GatedComposer : IReplyComposer
    {
        public const string HoldMessage = "vent lidt";

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Reply Compose(string message, CancellationToken cancellationToken = default)
        {
            if (message == HoldMessage)
            {
                Holding.TrySetResult();
                Release.Task.Wait(TimeSpan.FromSeconds(20), CancellationToken.None);
            }

            return Reply.Answer([new ReplyMessage("svar")], "test#svar", "Svar", 0.9, [], source: null);
        }

        public Reply Welcome() => Reply.SmallTalk(FakeReplyComposer.WelcomeText, []);
    }
}
