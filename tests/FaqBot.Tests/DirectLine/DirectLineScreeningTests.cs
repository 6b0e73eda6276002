using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Tests.DirectLine;

/// <summary>The screening question over Direct Line (the web chat), real composer, real server on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class DirectLineScreeningTests
{
    [Fact]
    public async Task TheQuestionComesWithJaAndNejAndJaGetsTheUrgentAdvice()
    {
        await using var host = await BotTestHost.StartAsync(realComposer: true);
        using var http = host.NewClient();
        var client = new DirectLineTestClient(http);
        await client.StartAsync();

        await client.SendAsync("jeg har taget panodil og ipren, de gør ingenting");
        var asked = await client.PollUntilAsync(all => all.Any(IsScreening));
        var question = asked.Single(IsScreening);
        Assert.Equal(["Ja", "Nej"], question.SuggestedActions!.Actions.Select(action => action.Value));

        await client.SendAsync("Ja");
        var all = await client.PollUntilAsync(all => all.Any(IsRedFlag));
        var advice = all.First(IsRedFlag);
        Assert.StartsWith("**Kontakt din egen læge i dag", advice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATurnComposedAgainAfterItsReplicaDiedGivesTheSameReplyAndTheQuestionStillWaits()
    {
        await using var host = await BotTestHost.StartAsync(realComposer: true);
        var turns = host.Services.GetRequiredService<TurnHandler>();
        Activity Message(string id, string text) => new()
        {
            Type = ActivityTypes.Message,
            Id = id,
            ChannelId = "directline",
            Text = text,
            From = new ChannelAccount { Id = "dl_patient", Role = "user" },
            Recipient = new ChannelAccount { Id = "faqbot", Role = "bot" },
            Conversation = new ConversationAccount { Id = "recomposed" },
        };
        var message = Message("recomposed|0000002", "jeg har taget panodil og ipren, de gør ingenting");

        // The first attempt remembers the question it asks, then its replica dies; the takeover composes it again.
        var first = await turns.RespondAsync(message, default, turnKey: message.Id);
        var again = await turns.RespondAsync(message, default, turnKey: message.Id);
        var yes = await turns.RespondAsync(Message("recomposed|0000006", "Ja"), default, turnKey: "recomposed|0000006");

        Assert.Contains(first, reply => IsScreening(reply.Activity));
        Assert.Equal(first.Select(reply => reply.Activity.Text), again.Select(reply => reply.Activity.Text));
        Assert.StartsWith("**Kontakt din egen læge i dag", yes.First(reply => IsRedFlag(reply.Activity)).Activity.Text, StringComparison.Ordinal);
    }

    private static bool IsScreening(Activity activity) =>
        activity.ChannelData?["faqbot"]?["kind"]?.GetValue<string>() == "screening";

    private static bool IsRedFlag(Activity activity) =>
        activity.ChannelData?["faqbot"]?["redFlag"]?.GetValue<bool>() == true;
}
