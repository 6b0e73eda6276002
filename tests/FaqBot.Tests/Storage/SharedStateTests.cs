using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;

namespace FaqBot.Tests.Storage;

/// <summary>
/// Two FaqBot processes (replicas behind a load balancer) share one real PostgreSQL: nothing a patient sees depends on
/// which one answers, a replica may die at any moment, and a database restart costs no answer and no 500.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedStateTests
{
    [PostgresFact]
    public async Task AConversationStartedOnAContinuesOnBIncludingOverBsWebSocketWithWatermarksIntact()
    {
        await using var database = await PostgresServer.StartAsync();
        var (a, b) = await StartReplicasAsync(await database.CreateDatabaseAsync());
        await using var replicaA = a;
        await using var replicaB = b;
        var onA = new DirectLineTestClient(replicaA.NewClient());
        await onA.StartAsync();
        await onA.SendAsync("Hvad er iskias?");
        var seenOnA = await onA.PollUntilAsync(all => all.Count(IsBotMessage) >= 2);
        var watermark = seenOnA.Max(activity => Sequence(activity.Id!));

        // The patient's next request lands on B: it resumes from the watermark and opens B's WebSocket.
        var onB = onA.Via(replicaB.NewClient());
        using var resume = await onB.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{onB.ConversationId}?watermark={watermark}", null);
        resume.EnsureSuccessStatusCode();
        var resumed = (await resume.Content.ReadFromJsonAsync<DirectLineConversationResponse>(BotJson.Options))!;
        Assert.StartsWith($"ws://{replicaB.BaseAddress.Authority}/", resumed.StreamUrl, StringComparison.Ordinal);
        using var socket = await DirectLineSocket.ConnectAsync(resumed.StreamUrl!);
        var seenOnB = new List<Activity>();

        // What A writes, B's socket shows at once, numbered on from the watermark.
        await onA.SendAsync("Hjælper øvelser mod iskias?");
        var lastWatermark = await DirectLineSocket.ReceiveUntilAsync(socket, seenOnB, () => seenOnB.Count(IsBotMessage) >= 1);

        Assert.Equal("Hjælper øvelser mod iskias?", seenOnB[0].Text);
        Assert.Equal(Enumerable.Range((int)watermark + 1, seenOnB.Count).Select(n => (long)n), seenOnB.Select(activity => Sequence(activity.Id!)));
        Assert.Equal(Sequence(seenOnB[^1].Id!), long.Parse(lastWatermark, System.Globalization.CultureInfo.InvariantCulture));
        var whole = (await onB.GetActivitiesAsync(null)).Activities;
        Assert.Equal([.. seenOnA, .. seenOnB], whole, ActivityIdentity.Instance);
    }

    [PostgresFact]
    public async Task AReplicaKilledMidConversationLosesAndRepeatsNothing()
    {
        await using var database = await PostgresServer.StartAsync();
        var (a, b) = await StartReplicasAsync(await database.CreateDatabaseAsync());
        await using var replicaA = a;
        await using var replicaB = b;
        var onA = new DirectLineTestClient(replicaA.NewClient());
        await onA.StartAsync();
        var received = new List<Activity>();
        string? watermark = null;
        var questions = new[] { "Hvad er iskias?", "Hjælper øvelser mod iskias?", "Hvor længe varer iskias?", "Skal jeg blive i sengen?" };
        (received, watermark) = await AskAsync(onA, questions[0], received, watermark);
        (received, watermark) = await AskAsync(onA, questions[1], received, watermark);

        await replicaA.KillAsync();

        var onB = onA.Via(replicaB.NewClient());
        (received, watermark) = await AskAsync(onB, questions[2], received, watermark);
        (received, watermark) = await AskAsync(onB, questions[3], received, watermark);

        var whole = (await onB.GetActivitiesAsync(null)).Activities;
        Assert.Equal(whole, received, ActivityIdentity.Instance);
        Assert.Equal(Enumerable.Range(1, whole.Count).Select(n => (long)n), whole.Select(activity => Sequence(activity.Id!)));
        Assert.Equal(questions, whole.Where(activity => activity.From?.Role == "user").Select(activity => activity.Text));
        Assert.Equal(questions.Length + 1, whole.Count(IsBotMessage) - ExtraBubbles(whole));
    }

    [PostgresFact]
    public async Task ADatabaseRestartMakesReplicasNotReadyMeanwhileAndTheyRecoverWithoutA500()
    {
        await using var database = await PostgresServer.StartAsync();
        var (a, b) = await StartReplicasAsync(await database.CreateDatabaseAsync());
        await using var replicaA = a;
        await using var replicaB = b;
        using var http = replicaA.NewClient();
        var patient = new DirectLineTestClient(http);
        await patient.StartAsync();
        var before = await patient.PollUntilAsync(all => all.Count(IsBotMessage) >= 1);
        var statuses = new List<HttpStatusCode>();

        await database.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessOnceItIsAsync(http, HttpStatusCode.ServiceUnavailable, statuses));
        await patient.SendAsync("Jeg har ondt i ryggen og benet");
        var during = await PollAfterAsync(patient, before, all => all.Any(IsBotMessage), statuses);
        using (var newPatient = await http.PostAsync("/api/directline/token", null))
        {
            statuses.Add(newPatient.StatusCode);
        }

        var apology = Assert.Single(during, IsBotMessage);
        var apologyJson = JsonSerializer.Serialize(apology, BotJson.Options);
        Assert.Contains("Beklager", apologyJson, StringComparison.Ordinal);
        Assert.Contains("112", apologyJson, StringComparison.Ordinal);
        Assert.Contains("1813", apologyJson, StringComparison.Ordinal);

        await database.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadinessOnceItIsAsync(http, HttpStatusCode.OK, statuses));
        Assert.Equal(HttpStatusCode.OK, await ReadinessOnceItIsAsync(replicaB.NewClient(), HttpStatusCode.OK, statuses));
        await patient.SendAsync("Hjælper øvelser mod iskias?");
        var after = await PollAfterAsync(patient, [.. before, .. during], all => all.Count(IsBotMessage) >= 1, statuses);

        Assert.DoesNotContain("Beklager", JsonSerializer.Serialize(after.Where(IsBotMessage), BotJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain(statuses, status => (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable);
        // What was said while the database was away was written once it was back: B shows it all, once, in order.
        var whole = (await patient.Via(replicaB.NewClient()).GetActivitiesAsync(null)).Activities;
        Assert.Equal([.. before, .. during, .. after], whole, ActivityIdentity.Instance);
    }

    [PostgresFact]
    public async Task AScreeningQuestionAskedOnAIsAnsweredOnB()
    {
        await using var database = await PostgresServer.StartAsync();
        var (a, b) = await StartReplicasAsync(await database.CreateDatabaseAsync());
        await using var replicaA = a;
        await using var replicaB = b;
        var onA = new DirectLineTestClient(replicaA.NewClient());
        await onA.StartAsync();

        await onA.SendAsync("jeg har taget panodil og ipren, de gør ingenting");
        await onA.PollUntilAsync(all => all.Any(IsScreening));
        var onB = onA.Via(replicaB.NewClient());
        await onB.SendAsync("Ja");
        var all = await onB.PollUntilAsync(all => all.Any(IsRedFlag));

        Assert.StartsWith("**Kontakt din egen læge i dag", all.First(IsRedFlag).Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task WhatAPatientWroteIsKeptOnlyInTheTranscriptAndGoesWithIt()
    {
        await using var database = await PostgresServer.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var (a, b) = await StartReplicasAsync(connectionString);
        await using var replicaA = a;
        await using var replicaB = b;
        var marker = "canary" + Guid.NewGuid().ToString("N")[..8];
        var patient = new DirectLineTestClient(replicaA.NewClient());
        await patient.StartAsync();

        await patient.SendAsync($"{marker} har ondt i benet, ring 12345678 eller skriv til {marker}@example.dk, cpr 010203-1234");
        await patient.PollUntilAsync(all => all.Count(IsBotMessage) >= 2);
        await database.StopAsync();
        await patient.SendAsync($"{marker} igen 010203-1234");
        // B never held this conversation, so without the database it cannot vouch for it: 503, the client retries.
        using (var viaB = await patient.Via(replicaB.NewClient()).SendAsync(
            HttpMethod.Post,
            $"/v3/directline/conversations/{patient.ConversationId}/activities",
            new { type = "message", text = $"{marker} via B", from = new { id = "r_webchat" } }))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, viaB.StatusCode);
            Assert.DoesNotContain(marker, await viaB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await database.StartAgainAsync();
        await ReadinessOnceItIsAsync(replicaA.NewClient(), HttpStatusCode.OK, []);
        await Task.Delay(1500);

        var rows = await RowsAsync(connectionString);
        Assert.Contains(rows, row => row.Table == "faqbot_transcript_activity" && row.Text.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Table != "faqbot_transcript_activity" && (row.Text.Contains(marker, StringComparison.Ordinal) || row.Text.Contains("010203-1234", StringComparison.Ordinal)));
        Assert.DoesNotContain([.. replicaA.Output, .. replicaB.Output], line => line.Contains(marker, StringComparison.Ordinal) || line.Contains("010203", StringComparison.Ordinal) || line.Contains("12345678", StringComparison.Ordinal));
    }

    private static async Task<List<(string Table, string Text)>> RowsAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var select = new Npgsql.NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((table, reader.GetString(0)));
            }
        }

        return rows;
    }

    private static Task<(FaqBotServerProcess A, FaqBotServerProcess B)> StartReplicasAsync(string connectionString) =>
        FaqBotServerProcess.StartReplicasAsync(connectionString);

    /// <summary>Sends <paramref name="question"/> and polls from <paramref name="watermark"/> until its answer is in.</summary>
    private static async Task<(List<Activity> Received, string? Watermark)> AskAsync(
        DirectLineTestClient client, string question, List<Activity> received, string? watermark)
    {
        await client.SendAsync(question);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var all = new List<Activity>(received);
        while (!all.SkipWhile(activity => activity.Text != question).Any(IsBotMessage))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No answer to '{question}'.");
            var set = await client.GetActivitiesAsync(watermark);
            all.AddRange(set.Activities);
            watermark = set.Watermark;
            await Task.Delay(50);
        }

        // The answer's further bubbles (urgent advice, a safety note) come in the same turn: let them arrive.
        await Task.Delay(300);
        var rest = await client.GetActivitiesAsync(watermark);
        all.AddRange(rest.Activities);
        return (all, rest.Watermark);
    }

    /// <summary>Polls from the end of <paramref name="seen"/> until <paramref name="done"/> holds for what is new.</summary>
    private static async Task<List<Activity>> PollAfterAsync(
        DirectLineTestClient client, List<Activity> seen, Func<List<Activity>, bool> done, List<HttpStatusCode> statuses)
    {
        var watermark = seen.Count == 0 ? null : Sequence(seen[^1].Id!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fresh = new List<Activity>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done(fresh))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing came; got {fresh.Count} activities.");
            using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark={watermark}", null);
            statuses.Add(response.StatusCode);
            var set = (await response.Content.ReadFromJsonAsync<DirectLineActivitySet>(BotJson.Options))!;
            // While the database is away the watermark stays put and what the replica keeps comes again: Web Chat keeps
            // one of each id, and so does this.
            fresh.AddRange(set.Activities.Where(activity => !fresh.Any(seen => seen.Id == activity.Id)));
            watermark = set.Watermark;
            await Task.Delay(100);
        }

        // Let the rest of the turn arrive (the apology or answer may be followed by more bubbles).
        await Task.Delay(500);
        fresh.AddRange((await client.GetActivitiesAsync(watermark)).Activities.Where(activity => !fresh.Any(seen => seen.Id == activity.Id)));
        return fresh;
    }

    /// <summary>Polls <c>/readyz</c> until it answers <paramref name="expected"/> (or 30 s pass); returns the last status.</summary>
    private static async Task<HttpStatusCode> ReadinessOnceItIsAsync(HttpClient http, HttpStatusCode expected, List<HttpStatusCode> statuses)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync("/readyz");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline)
            {
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal(expected == HttpStatusCode.OK ? "Healthy" : "Unhealthy", (string?)body["checks"]!["database"]!["status"]);
                return response.StatusCode;
            }

            await Task.Delay(200);
        }
    }

    private static bool IsScreening(Activity activity) =>
        activity.ChannelData?["faqbot"]?["kind"]?.GetValue<string>() == "screening";

    private static bool IsRedFlag(Activity activity) =>
        activity.ChannelData?["faqbot"]?["redFlag"]?.GetValue<bool>() == true;

    private static bool IsBotMessage(Activity activity) => activity.Type == ActivityTypes.Message && activity.From?.Role == "bot";

    /// <summary>Bot messages beyond the first of each turn (an answer may come in several bubbles).</summary>
    private static int ExtraBubbles(IReadOnlyList<Activity> activities) =>
        activities.Select((activity, index) => IsBotMessage(activity) && index > 0 && IsBotMessage(activities[index - 1])).Count(extra => extra);

    private static long Sequence(string id) => long.Parse(id[(id.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Activities are the same when their id and text are: each is written once and read back unchanged.</summary>
    private sealed class ActivityIdentity : IEqualityComparer<Activity>
    {
        public static readonly ActivityIdentity Instance = new();

        public bool Equals(Activity? x, Activity? y) => x?.Id == y?.Id && x?.Text == y?.Text && x?.Type == y?.Type;

        public int GetHashCode(Activity obj) => HashCode.Combine(obj.Id, obj.Text);
    }
}
