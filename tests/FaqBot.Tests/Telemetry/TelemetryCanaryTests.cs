using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FaqBot.Tests.Telemetry;

/// <summary>
/// The canary: messages carrying a unique marker, a CPR-like number, a phone number and an e-mail address go through
/// every channel — Bot Framework <c>/api/messages</c> (inline and via the Connector), Direct Line over REST and over its
/// WebSocket — into Teams feedback and into error pages, with telemetry exported over OTLP to a collector on loopback,
/// in memory and on PostgreSQL. Afterwards no log line, exported span or metric, stored feedback, database row outside
/// the Direct Line transcript, or error page contains any of them; the telemetry itself did arrive.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TelemetryCanaryTests
{
    private const string Marker = "kanariefugl-5b1e93";
    private const string Cpr = "120385-1234";
    private const string Phone = "22 33 44 55";
    private const string Email = "patient.kanariefugl@example.dk";

    /// <summary>What must never leave the conversation: also as CPR and phone numbers are often written, and URL-encoded.</summary>
    private static readonly string[] Canaries =
        [.. new[] { Marker, Cpr, "1203851234", Phone, "22334455", Email }.SelectMany(c => new[] { c, Uri.EscapeDataString(c) }).Distinct()];

    private static readonly string Details = $"{Marker} mit cpr er {Cpr}, ring på {Phone} eller skriv til {Email}";

    private static readonly string[] Messages =
    [
        $"Hjælper øvelser mod iskias? {Details}",
        $"Jeg kan ikke holde på urinen og har ondt i ryggen. {Details}",
        $"Jeg har ondt i balden og benet. {Details}",
    ];

    [Fact]
    public async Task InMemoryNoLogLineSpanMetricFeedbackOrErrorPageCarriesWhatThePatientWrote()
    {
        var (_, feedback) = await RunCanaryAsync(connectionString: null);

        Assert.Contains("dislike", feedback, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task WithPostgresNoDatabaseRowOutsideTheTranscriptCarriesWhatThePatientWroteEither()
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();

        var (conversationId, _) = await RunCanaryAsync(connectionString);

        var tables = await TablesAsync(connectionString);
        // The transcript itself holds the conversation (it expires); every other row is ids, times, kinds and passages.
        Assert.Contains("faqbot_transcript_activity", tables.Keys);
        Assert.Contains(tables["faqbot_transcript_activity"], row => row.Contains(Marker, StringComparison.Ordinal));
        Assert.Contains(tables["faqbot_feedback"], row => row.Contains("dislike", StringComparison.Ordinal));
        Assert.Contains(tables["faqbot_transcript"], row => row.Contains(conversationId, StringComparison.Ordinal));
        foreach (var (table, rows) in tables.Where(t => t.Key != "faqbot_transcript_activity"))
        {
            foreach (var canary in Canaries)
            {
                Assert.False(rows.Any(row => row.Contains(canary, StringComparison.Ordinal)), $"{table} holds '{canary}'");
            }
        }
    }

    /// <summary>
    /// Sends the canaries through every channel and error page with telemetry on (and PostgreSQL when
    /// <paramref name="connectionString"/> is set), checks logs, spans, metrics, feedback and error pages, and returns
    /// the Direct Line conversation's id and the stored feedback as JSON.
    /// </summary>
    private static async Task<(string ConversationId, string Feedback)> RunCanaryAsync(string? connectionString)
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        var host = new BotTestHost
        {
            Settings = new Dictionary<string, string?>(collector.Settings) { ["ConnectionStrings:Postgres"] = connectionString },
            ServedComposer = null,
            KeepsAppFeedbackStore = connectionString is not null,
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var errorPages = new List<string>();
        string conversationId;
        string stored;
        try
        {
            using var http = host.NewClient();
            foreach (var message in Messages)
            {
                // Bot Framework, inline (expectReplies) and through the Connector.
                Assert.NotEmpty(await Activities.ExpectRepliesAsync(http, Activities.Message(message)));
                using var delivered = await http.PostAsJsonAsync("/api/messages", Activities.Message(message, serviceUrl: connector.ServiceUrl, deliveryMode: null));
                Assert.True(delivered.IsSuccessStatusCode, $"{delivered.StatusCode}");
                await connector.NextAsync();
            }

            // Teams feedback with the canaries in its comment: only the rating is kept.
            using var feedback = await http.PostAsJsonAsync("/api/messages", Activities.Feedback("dislike", "reply-1", new JsonObject { ["feedbackText"] = Details }.ToJsonString()));
            Assert.True(feedback.IsSuccessStatusCode, $"{feedback.StatusCode}");

            var directLine = new DirectLineTestClient(http);
            await directLine.StartAsync();
            conversationId = directLine.ConversationId;
            using var socket = await DirectLineSocket.ConnectAsync(directLine.StreamUrl!);
            foreach (var message in Messages)
            {
                await directLine.SendAsync(message);
            }

            // Every reply over REST and over the WebSocket: a welcome plus one or more bubbles per message.
            await directLine.PollUntilAsync(all => all.Count(a => a.From?.Role == "bot" && a.Type == "message") > Messages.Length);
            var streamed = new List<Activity>();
            await DirectLineSocket.ReceiveUntilAsync(socket, streamed, () => streamed.Count(a => a.From?.Role == "bot" && a.Type == "message") > Messages.Length);

            errorPages.AddRange(await ErrorPagesAsync(http, directLine));
            // The periodic exports carry everything up to the last request (the unrouted one), not only the final
            // flush when the host stops, which a busy machine may cut short.
            Assert.True(await collector.WaitForAsync("/v1/traces", "(no route)", TimeSpan.FromSeconds(30)), "no request spans exported");
            // Each metric is waited for: an export taken before the red-flag message was counted holds replies only.
            foreach (var metric in new[] { "faqbot.replies", "faqbot.red_flags", "faqbot.stage.duration" })
            {
                Assert.True(await collector.WaitForAsync("/v1/metrics", metric, TimeSpan.FromSeconds(30)), $"{metric} not exported");
            }

            stored = System.Text.Json.JsonSerializer.Serialize(
                await host.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        }
        finally
        {
            // Stopping the host flushes the last spans and metrics to the collector.
            await host.DisposeAsync();
        }

        var exports = collector.Exports;
        var traces = string.Concat(exports.Where(e => e.Path == "/v1/traces").Select(e => e.Text));
        var metrics = string.Concat(exports.Where(e => e.Path == "/v1/metrics").Select(e => e.Text));
        // The telemetry arrived: stage spans, request spans by route, replies, red flags and stage durations.
        Assert.Contains("faqbot.compose", traces, StringComparison.Ordinal);
        Assert.Contains("faqbot.triage", traces, StringComparison.Ordinal);
        Assert.Contains("faqbot.search", traces, StringComparison.Ordinal);
        Assert.Contains("/v3/directline/conversations/{conversationId}/activities", traces, StringComparison.Ordinal);
        Assert.Contains("caudaEquina", traces, StringComparison.Ordinal);
        Assert.Contains("faqbot.replies", metrics, StringComparison.Ordinal);
        Assert.Contains("faqbot.red_flags", metrics, StringComparison.Ordinal);
        Assert.Contains("faqbot.stage.duration", metrics, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);

        foreach (var canary in Canaries)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Text.Contains(canary, StringComparison.Ordinal)
                || (line.Exception?.ToString().Contains(canary, StringComparison.Ordinal) ?? false));
            Assert.DoesNotContain(canary, traces, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, metrics, StringComparison.Ordinal);
            Assert.DoesNotContain(errorPages, page => page.Contains(canary, StringComparison.Ordinal));
            Assert.DoesNotContain(canary, stored, StringComparison.Ordinal);
        }

        // Nor the conversation's id: spans name the route, not the path.
        Assert.DoesNotContain(conversationId, traces, StringComparison.Ordinal);
        return (conversationId, stored);
    }

    /// <summary>Every row of every table of the database, each row's columns as text joined by tabs, by table.</summary>
    private static async Task<Dictionary<string, List<string>>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new Dictionary<string, List<string>>();
        foreach (var name in names)
        {
            var rows = tables[name] = [];
            await using var select = new NpgsqlCommand($"SELECT * FROM \"{name}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return tables;
    }

    /// <summary>Requests that fail, each carrying the canaries; returns the bodies of the error responses.</summary>
    private static async Task<List<string>> ErrorPagesAsync(HttpClient http, DirectLineTestClient directLine)
    {
        var pages = new List<string>();
        async Task KeepAsync(HttpResponseMessage response)
        {
            using (response)
            {
                Assert.False(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
                pages.Add(await response.Content.ReadAsStringAsync());
            }
        }

        // Malformed JSON, a too-large activity, a conversation that does not exist, a path that does not exist.
        await KeepAsync(await http.PostAsync("/api/messages", new StringContent($"{{\"type\":\"message\",\"text\":\"{Details}", Encoding.UTF8, "application/json")));
        await KeepAsync(await directLine.SendAsync(
            HttpMethod.Post,
            $"/v3/directline/conversations/{directLine.ConversationId}/activities",
            new { type = "message", text = string.Concat(Enumerable.Repeat(Details + " ", 2000)), from = new { id = "r_webchat" } }));
        await KeepAsync(await directLine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(Details)}/activities", new { type = "message", text = Details }));
        await KeepAsync(await http.GetAsync($"/{Uri.EscapeDataString(Details)}?q={Uri.EscapeDataString(Details)}"));
        return pages;
    }
}
