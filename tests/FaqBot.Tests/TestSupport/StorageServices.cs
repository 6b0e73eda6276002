using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.DirectLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaqBot.Tests.TestSupport;

/// <summary>The channel storage on a real database, as the server registers it, with its background services running.</summary>
public static class StorageServices
{
    /// <summary>
    /// A database store and its services (notifications included, listening once this returns; with
    /// <paramref name="listens"/> false it never hears other replicas).
    /// </summary>
    public static async Task<ServiceProvider> StartAsync(
        string connectionString, TranscriptLimits limits, TimeProvider time, int maxRemembered = 100, bool listens = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(time)
            .AddChannelStorage();
        services.Configure<TranscriptLimits>(options =>
        {
            options.IdleTimeout = limits.IdleTimeout;
            options.MaxConversations = limits.MaxConversations;
            options.MaxActivitiesPerConversation = limits.MaxActivitiesPerConversation;
            options.MaxConversationBytes = limits.MaxConversationBytes;
            options.MaxTotalBytes = limits.MaxTotalBytes;
        });
        services.Configure<ConversationMemoryOptions>(options => options.MaxConversations = maxRemembered);
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            if (listens || hosted is not FaqBot.Channels.Activities.Storage.Postgres.PostgresNotifications)
            {
                await hosted.StartAsync(default);
            }
        }

        if (!listens)
        {
            return provider;
        }

        // The listener is up once a notification round-trips; until then an eviction could go unheard.
        var store = provider.GetRequiredService<ITranscriptStore>();
        var (probe, _) = await store.GetOrStartAsync("probe", "dl_probe", default);
        var listening = probe.WaitForActivityAfterAsync(1, default);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!listening.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "The store's notifications did not start within 10 s.");
            await probe.AppendAsync(new Activity { Type = "event" }, time.GetUtcNow());
            await Task.Delay(50);
        }

        await store.RemoveIdleAsync(default);
        return provider;
    }
}
