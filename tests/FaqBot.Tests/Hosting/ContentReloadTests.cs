using FaqBot.Channels.Activities.Schema;
using FaqBot.Tests.Conversation;
using FaqBot.Tests.TestSupport;

namespace FaqBot.Tests.Hosting;

/// <summary>
/// The running server rebuilds its content on SIGHUP beside the engine serving, swaps it in, and no request in flight
/// meanwhile fails.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ContentReloadTests
{
    private const string NewAnswerText = "tre til fem dage";

    [Fact]
    public async Task AHangUpLoadsAnAddedArticleWhileAnotherConversationGoesOnUnharmed()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        await using var server = await FaqBotServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["FAQBOT_CONTENT"] = content.Path,
            ["Logging__LogLevel__Default"] = "Information",
        });
        var patient = new DirectLineTestClient(server.NewClient());
        await patient.StartAsync();
        Assert.DoesNotContain(NewAnswerText, await AskAsync(patient, LiveEngineTests.NewQuestion), StringComparison.Ordinal);

        // Another patient keeps asking throughout the reload.
        using var stop = new CancellationTokenSource();
        var other = new DirectLineTestClient(server.NewClient());
        await other.StartAsync();
        var otherAnswers = Task.Run(async () =>
        {
            var answers = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.Contains("øvelser", await AskAsync(other, "Hjælper øvelser mod iskias?"), StringComparison.OrdinalIgnoreCase);
                answers++;
            }

            return answers;
        });

        content.Write("kinesiotape.md", LiveEngineTests.NewArticle);
        server.HangUp();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await AskAsync(patient, LiveEngineTests.NewQuestion)).Contains(NewAnswerText, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the added article was not answered from within 30 s of SIGHUP");
            await Task.Delay(100);
        }

        stop.Cancel();
        Assert.True(await otherAnswers > 0);
        Assert.Contains(server.Output, line => line.Contains("Content reloaded (generation 1)", StringComparison.Ordinal));
        // The typo automata early messages would have compiled are compiled in the background a little after the start.
        var compiledBy = DateTime.UtcNow.AddSeconds(30);
        while (!server.Output.Any(line => line.Contains("Compiled the triage and small-talk typo automata", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < compiledBy, "the typo automata were not compiled within 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends <paramref name="question"/> and returns the text of the bot's replies to it.</summary>
    private static async Task<string> AskAsync(DirectLineTestClient client, string question)
    {
        var before = (await client.GetActivitiesAsync(null)).Activities.Count;
        await client.SendAsync(question);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var all = (await client.GetActivitiesAsync(null)).Activities;
            var replies = all.Skip(before).Where(activity => activity.From?.Role == "bot" && activity.Type == ActivityTypes.Message).ToList();
            if (replies.Count > 0)
            {
                // The answer's further bubbles come in the same turn.
                await Task.Delay(200);
                all = (await client.GetActivitiesAsync(null)).Activities;
                return string.Join("\n", all.Skip(before).Where(activity => activity.From?.Role == "bot").Select(activity => activity.Text));
            }

            Assert.True(DateTime.UtcNow < deadline, $"no reply to '{question}' within 30 s");
            await Task.Delay(50);
        }
    }
}
