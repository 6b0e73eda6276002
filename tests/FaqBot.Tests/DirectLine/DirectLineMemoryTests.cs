using System.Globalization;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaqBot.Tests.DirectLine;

/// <summary>What the Direct Line store really keeps in memory when clients fill it, measured over real HTTP.</summary>
[Collection(MemoryMeasuringCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DirectLineMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FiftyConversationsPosting200EventsOf30KBKeepManagedMemoryNearTheByteBounds()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MessagesPerMinute"] = "1000",
        });
        using var http = host.NewClient();
        var clients = Enumerable.Range(0, 50).Select(_ => new DirectLineTestClient(http)).ToList();
        foreach (var client in clients)
        {
            await client.StartAsync();
        }

        var before = EdgeFuzzTests.SettledMemory();
        var payload = new string('x', 30 * 1024);
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = 0; i < 200; i++)
            {
                using var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new
                {
                    type = "event",
                    name = "filler",
                    value = payload,
                    from = new { id = "r_webchat" },
                });
                response.EnsureSuccessStatusCode();
            }
        }));
        await host.Services.GetRequiredService<DirectLineBot>().WhenIdleAsync();
        var after = EdgeFuzzTests.SettledMemory();
        var stored = host.Services.GetRequiredService<InMemoryTranscriptStore>().TotalBytes;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"300 MB posted; {stored / 1024 / 1024.0:F1} MB stored; managed memory {before / 1024 / 1024} MB before, {after / 1024 / 1024} MB after."));

        var options = new DirectLineOptions();
        Assert.True(stored <= 50 * options.MaxConversationBytes);
        Assert.True(after - before < 3 * stored + (16 * 1024 * 1024), $"Managed memory grew by {(after - before) / 1024 / 1024} MB for {stored / 1024 / 1024} MB stored.");
    }
}
