using FaqBot.Channels.Activities.Schema;

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

    private static bool IsScreening(Activity activity) =>
        activity.ChannelData?["faqbot"]?["kind"]?.GetValue<string>() == "screening";

    private static bool IsRedFlag(Activity activity) =>
        activity.ChannelData?["faqbot"]?["redFlag"]?.GetValue<bool>() == true;
}
