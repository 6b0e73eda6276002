using System.Text.Json.Nodes;
using FaqBot.Tests.BotChannel;
using FaqBot.Tests.Content;
using FaqBot.Triage.Learned;

namespace FaqBot.Tests.Hosting;

/// <summary>
/// The server loads the learned second opinion in the background: <c>/readyz</c> reports it, degraded (the rules alone
/// serving) when its model is missing or broken, and the bot answers either way.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LearnedTriageHostingTests
{
    [Fact]
    public async Task ReadyzShippedModelHealthyOnceLoaded()
    {
        await using var factory = new BotTestHost { ServedComposer = null };
        using var client = factory.CreateClient();

        var ready = await ReadyOnceLoadedAsync(client);

        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.StartsWith("loaded, threshold ", (string?)ready["checks"]!["learnedTriage"]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadyzModelMissingDegradedNamingItAndTheBotStillAnswers()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        Directory.Delete(Path.Combine(content.Path, "safety", LearnedTriageModel.Folder), recursive: true);

        await AssertDegradedButAnsweringAsync(content, "no learned triage model");
    }

    [Fact]
    public async Task ReadyzModelBrokenDegradedNamingItAndTheBotStillAnswers()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        content.Write(Path.Combine("safety", LearnedTriageModel.Folder, LearnedTriageModel.DetectorFile), "not a model");

        await AssertDegradedButAnsweringAsync(content, "cannot be read");
    }

    [Fact]
    public async Task ReadyzSwitchedOffHealthySayingSo()
    {
        await using var factory = new BotTestHost
        {
            ServedComposer = null,
            Settings = new Dictionary<string, string?> { ["Triage:LearnedSecondOpinion"] = "false" },
        };
        using var client = factory.CreateClient();

        var ready = await ReadyOnceLoadedAsync(client);

        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.StartsWith("off ", (string?)ready["checks"]!["learnedTriage"]!["description"], StringComparison.Ordinal);
    }

    private static async Task AssertDegradedButAnsweringAsync(TempContentDirectory content, string problem)
    {
        await using var factory = new BotTestHost
        {
            ServedComposer = null,
            Settings = new Dictionary<string, string?> { ["Content:Path"] = content.Path, ["Triage:LearnedSecondOpinion"] = "true" },
        };
        using var client = factory.CreateClient();

        var ready = await ReadyOnceLoadedAsync(client);
        var replies = await Activities.ExpectRepliesAsync(client, Activities.Message("Hjælper øvelser mod iskias?"));

        Assert.Equal("Degraded", (string?)ready["status"]);
        Assert.Equal("Degraded", (string?)ready["checks"]!["learnedTriage"]!["status"]);
        Assert.Contains(problem, (string?)ready["checks"]!["learnedTriage"]!["description"], StringComparison.Ordinal);
        Assert.Contains(replies, reply => ((string?)reply!["text"] ?? "").Contains("øvelser", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>/readyz</c> once the background load has finished (it says "loading" until then).</summary>
    private static async Task<JsonNode> ReadyOnceLoadedAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync("/readyz", timeout.Token);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!;
            if (!((string?)body["checks"]!["learnedTriage"]!["description"] ?? "").StartsWith("loading", StringComparison.Ordinal))
            {
                return body;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
