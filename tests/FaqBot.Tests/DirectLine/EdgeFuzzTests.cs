using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FaqBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FaqBot.Tests.DirectLine;

/// <summary>Runs alone: it measures the process's managed memory, which parallel tests would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}

/// <summary>
/// Seeded fuzzing of every public route, against the real server on loopback: hostile bodies, ids, tokens and
/// watermarks get a complete 2xx or a 4xx with a JSON error, never a 5xx or a cut-off body, and memory comes back.
/// </summary>
[Collection(MemoryMeasuringCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EdgeFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261203;
    private const string Secret = "fuzz-server-side-secret";

    [Fact]
    public async Task TenThousandHostileRequestsGetNo5xxOnlyCompleteBodiesAndJsonErrorsAndMemoryComesBack()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            // Generous quotas, so the requests reach the handlers rather than the limiters.
            ["DirectLine:TokenRequestsPerMinute"] = "1000000",
            ["DirectLine:MessagesPerMinute"] = "1000000",
            ["BotChannel:AnonymousRequestsPerMinute"] = "1000000",
            ["DirectLine:MaxConversations"] = "500",
            ["DirectLine:MaxTotalBytes"] = (4 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        });
        var fuzzer = await HostileClient.CreateAsync(host, Seed);
        await fuzzer.RunAsync(200, workers: 1);
        var before = SettledMemory();

        var failures = await fuzzer.RunAsync(10_000, workers: 4);
        await host.Services.GetRequiredService<DirectLineBot>().WhenIdleAsync();
        var after = SettledMemory();
        output.WriteLine($"Statuses: {fuzzer.Summary}; managed memory {before / 1024 / 1024} MB before, {after / 1024 / 1024} MB after.");

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.DistinctBy(failure => failure[..Math.Min(40, failure.Length)]).Take(20)));
        Assert.True(fuzzer.Statuses.Count(status => status is >= 200 and < 300) > 1000, "Too few requests reached a handler: " + fuzzer.Summary);
        Assert.True(after - before < 48 * 1024 * 1024, $"Managed memory grew from {before / 1024 / 1024} MB to {after / 1024 / 1024} MB.");
    }

    [Fact]
    public async Task WithTheDefaultLimitsHostileRequestsGetNo5xxAndJsonErrors()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:TokenRequestsPerMinute"] = new DirectLineOptions().TokenRequestsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["DirectLine:MessagesPerMinute"] = new DirectLineOptions().MessagesPerMinute.ToString(CultureInfo.InvariantCulture),
        });
        var fuzzer = await HostileClient.CreateAsync(host, Seed + 1);

        var failures = await fuzzer.RunAsync(2_000, workers: 4);
        output.WriteLine($"Statuses: {fuzzer.Summary}.");

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.DistinctBy(failure => failure[..Math.Min(40, failure.Length)]).Take(20)));
        Assert.Contains(429, fuzzer.Statuses);
    }

    /// <summary>Managed memory after full, compacting collections.</summary>
    internal static long SettledMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Generates and sends the hostile requests and checks each answer.</summary>
    private sealed class HostileClient
    {
        private static readonly string[] Types =
            ["message", "event", "typing", "conversationUpdate", "invoke", "endOfConversation", "messageReaction", "installationUpdate", "", "MESSAGE", "unknown/type", "\u0000", "🙂"];

        private static readonly string[] Routes =
            ["messages", "token", "generate", "refresh", "start", "resume", "get", "post", "stream", "socket"];

        private readonly BotTestHost _host;
        private readonly HttpClient _http;
        private readonly List<DirectLineTestClient> _patients;
        private readonly string _expired;
        private readonly string _forged;
        private int _runs;

        private HostileClient(BotTestHost host, HttpClient http, List<DirectLineTestClient> patients, string expired, string forged)
        {
            _host = host;
            _http = http;
            _patients = patients;
            _expired = expired;
            _forged = forged;
        }

        public List<int> Statuses { get; } = [];

        public int Seed { get; private init; }

        public string Summary => string.Join(", ", Statuses.GroupBy(status => status).OrderBy(group => group.Key).Select(group => $"{group.Key}×{group.Count()}"));

        public static async Task<HostileClient> CreateAsync(BotTestHost host, int seed)
        {
            var http = host.NewClient();
            var patients = new List<DirectLineTestClient>();
            for (var i = 0; i < 6; i++)
            {
                var patient = new DirectLineTestClient(http);
                await patient.StartAsync();
                patients.Add(patient);
            }

            var past = new DirectLineTokenService(
                Options.Create(new DirectLineOptions { TokenSigningKey = BotTestHost.SigningKey }),
                new AdjustableTimeProvider(DateTimeOffset.UtcNow.AddHours(-3)));
            var expired = past.Issue(patients[0].ConversationId, patients[0].UserId.Length > 0 ? patients[0].UserId : "dl_x");
            var forged = new DirectLineTokenService(Options.Create(new DirectLineOptions()), TimeProvider.System).Issue(patients[1].ConversationId, "dl_x");
            return new HostileClient(host, http, patients, expired, forged) { Seed = seed };
        }

        public async Task<List<string>> RunAsync(int requests, int workers)
        {
            var failures = new List<string>();
            var perWorker = requests / workers;
            var run = ++_runs;
            await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
            {
                // One generator per worker: the requests are the same on every run whatever the interleaving.
                var random = new Random((Seed * 100) + (run * 10) + worker);
                for (var i = 0; i < perWorker; i++)
                {
                    var failure = await SendOneAsync(random);
                    if (failure is not null)
                    {
                        lock (failures)
                        {
                            failures.Add(failure);
                        }
                    }
                }
            })));
            return failures;
        }

        private async Task<string?> SendOneAsync(Random random)
        {
            var route = Routes[random.Next(Routes.Length)];
            if (route == "socket")
            {
                return await OpenSocketAsync(random);
            }

            var patient = _patients[random.Next(_patients.Count)];
            var id = ConversationIdFor(random, patient);
            var watermark = Pick(random, "", "0", "1", "-1", "99999999999999999999", "null", "abc", "%00", "1e3", random.Next().ToString(CultureInfo.InvariantCulture));
            var (method, path) = route switch
            {
                "messages" => (HttpMethod.Post, "/api/messages"),
                "token" => (HttpMethod.Post, "/api/directline/token"),
                "generate" => (HttpMethod.Post, "/v3/directline/tokens/generate"),
                "refresh" => (HttpMethod.Post, "/v3/directline/tokens/refresh"),
                "start" => (HttpMethod.Post, "/v3/directline/conversations"),
                "resume" => (HttpMethod.Get, $"/v3/directline/conversations/{id}?watermark={watermark}"),
                "get" => (HttpMethod.Get, $"/v3/directline/conversations/{id}/activities?watermark={watermark}"),
                "post" => (HttpMethod.Post, $"/v3/directline/conversations/{id}/activities"),
                _ => (HttpMethod.Get, $"/v3/directline/conversations/{id}/stream?t={Uri.EscapeDataString(TokenFor(random, patient) ?? "")}&watermark={watermark}"),
            };

            using var request = new HttpRequestMessage(method, path);
            if (TokenFor(random, patient) is { } token)
            {
                request.Headers.TryAddWithoutValidation("Authorization", random.Next(10) == 0 ? token : "Bearer " + token);
            }

            var isInvoke = false;
            if (method == HttpMethod.Post && random.Next(8) != 0)
            {
                var (body, invoke) = Body(random, route);
                isInvoke = invoke;
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(Pick(random, "application/json", "application/json", "text/plain", "application/x-www-form-urlencoded"));
            }

            return await CheckAsync(request, route, isInvoke);
        }

        private async Task<string?> CheckAsync(HttpRequestMessage request, string route, bool isInvoke)
        {
            var what = $"{request.Method} {Truncate(request.RequestUri!.ToString())}";
            HttpResponseMessage response;
            byte[] body;
            try
            {
                response = await _http.SendAsync(request);
                body = await response.Content.ReadAsByteArrayAsync();
            }
            catch (HttpRequestException exception)
            {
                return $"{what}: the response broke off ({exception.Message})";
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                lock (Statuses)
                {
                    Statuses.Add(status);
                }

                // The Bot Framework protocol's answer to an invoke no handler takes is 501 (and Teams expects it).
                if (status >= 500 && !(status == 501 && route == "messages" && isInvoke))
                {
                    return $"{what}: {status}";
                }

                var isJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
                JsonDocument? document = null;
                if (isJson || status >= 400)
                {
                    try
                    {
                        document = JsonDocument.Parse(body);
                    }
                    catch (JsonException)
                    {
                        return $"{what}: {status} with a body that is not complete JSON ({body.Length} bytes)";
                    }
                }

                using (document)
                {
                    if (status is >= 400 and < 500
                        && (document!.RootElement.ValueKind != JsonValueKind.Object
                            || !document.RootElement.TryGetProperty("error", out var error)
                            || error.ValueKind != JsonValueKind.Object
                            || !error.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String
                            || !error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String))
                    {
                        return $"{what}: {status} without a JSON error body";
                    }
                }
            }

            return null;
        }

        private async Task<string?> OpenSocketAsync(Random random)
        {
            var patient = _patients[random.Next(_patients.Count)];
            var url = random.Next(3) == 0
                ? patient.StreamUrl!
                : $"{_host.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{ConversationIdFor(random, patient)}/stream?t={Uri.EscapeDataString(TokenFor(random, patient) ?? "")}";
            using var socket = new ClientWebSocket();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await socket.ConnectAsync(new Uri(url), timeout.Token);
            }
            catch (WebSocketException exception)
            {
                // Refused with a status; a refusal must be a 4xx.
                return exception.Message.Contains("'5", StringComparison.Ordinal) ? $"socket {Truncate(url)}: {exception.Message}" : null;
            }

            var buffer = new byte[64 * 1024];
            using var frame = new MemoryStream();
            try
            {
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, timeout.Token);
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Text && frame.Length > 0)
                {
                    using var document = JsonDocument.Parse(frame.ToArray());
                }

                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                return null;
            }
            catch (Exception exception) when (exception is WebSocketException or JsonException or OperationCanceledException)
            {
                return $"socket {Truncate(url)}: {exception.GetType().Name} {exception.Message} (state {socket.State})";
            }
        }

        private string ConversationIdFor(Random random, DirectLineTestClient patient) => random.Next(6) switch
        {
            0 or 1 or 2 => patient.ConversationId,
            3 => _patients[random.Next(_patients.Count)].ConversationId,
            // Kestrel itself refuses a NUL in the path or a request line over 8 KB, with an empty 400/414 before any
            // application code runs; those protocol limits are not what this test is about, so ids stay within them.
            4 => Uri.EscapeDataString(OddString(random, random.Next(1, 600)).Replace("\u0000", "", StringComparison.Ordinal)),
            _ => new string('a', random.Next(1, 4000)),
        };

        private string? TokenFor(Random random, DirectLineTestClient patient) => random.Next(9) switch
        {
            0 => null,
            1 or 2 or 3 => patient.Token,
            4 => Secret,
            5 => _expired,
            6 => _forged,
            7 => patient.StreamUrl!.Split("t=")[1].Split('&')[0] is var escaped ? Uri.UnescapeDataString(escaped) : null,
            _ => string.Concat(Enumerable.Range(0, random.Next(1, 400)).Select(_ => "abcXYZ019-_.="[random.Next(13)])),
        };

        private static (byte[] Body, bool IsInvoke) Body(Random random, string route)
        {
            switch (random.Next(12))
            {
                case 0:
                    return (RandomBytes(random, random.Next(0, 600)), false);
                case 1:
                    // Invalid UTF-8 inside a string.
                    return ([.. "{\"type\":\"message\",\"text\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"from\":{\"id\":\"u\"}}"u8], false);
                case 2:
                    var depth = random.Next(10, 300);
                    return (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"channelData\":" + new string('[', depth) + new string(']', depth) + "}"), false);
                case 3:
                    var json = Encoding.UTF8.GetString(Activity(random, route, out var invoke));
                    return (Encoding.UTF8.GetBytes(json[..random.Next(json.Length)]), invoke);
                default:
                    return (Activity(random, route, out var isInvoke), isInvoke);
            }
        }

        /// <summary>A JSON object shaped like an activity (or a start body) with hostile values in random fields.</summary>
        private static byte[] Activity(Random random, string route, out bool isInvoke)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                var type = random.Next(3) == 0 ? Types[random.Next(Types.Length)] : "message";
                isInvoke = type == "invoke";
                WriteField(random, writer, "type", () => writer.WriteStringValue(type));
                WriteField(random, writer, "text", () => writer.WriteStringValue(random.Next(10) == 0 ? new string('x', random.Next(1, 300_000)) : OddString(random, random.Next(0, 200))));
                WriteField(random, writer, "id", () => writer.WriteStringValue(OddString(random, random.Next(0, 3000))));
                WriteField(random, writer, "conversation", () => Account(random, writer));
                WriteField(random, writer, "from", () => Account(random, writer));
                WriteField(random, writer, "recipient", () => Account(random, writer));
                WriteField(random, writer, "user", () => Account(random, writer));
                WriteField(random, writer, "locale", () => writer.WriteStringValue(Pick(random, "da-DK", "en", OddString(random, random.Next(0, 100)))));
                WriteField(random, writer, "deliveryMode", () => writer.WriteStringValue(Pick(random, "expectReplies", "normal", OddString(random, 10))));
                WriteField(random, writer, "serviceUrl", () => writer.WriteStringValue(Pick(random, "http://localhost:1/", "https://attacker.example/", OddString(random, 50))));
                WriteField(random, writer, "name", () => writer.WriteStringValue(Pick(random, "message/submitAction", "webchat/join", OddString(random, 30))));
                WriteField(random, writer, "entities", () => Entities(random, writer));
                WriteField(random, writer, "attachments", () => Entities(random, writer));
                WriteField(random, writer, "membersAdded", () => Members(random, writer));
                WriteField(random, writer, "channelData", () => AnyValue(random, writer, random.Next(0, 40)));
                WriteField(random, writer, "value", () => AnyValue(random, writer, random.Next(0, 12)));
                WriteField(random, writer, "suggestedActions", () => AnyValue(random, writer, 3));
                WriteField(random, writer, OddString(random, random.Next(1, 20)), () => AnyValue(random, writer, 4));
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>Writes the field usually, sometimes as null or a value of the wrong JSON type, sometimes not at all.</summary>
        private static void WriteField(Random random, Utf8JsonWriter writer, string name, Action writeValue)
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                return;
            }

            writer.WritePropertyName(name);
            switch (roll)
            {
                case 1:
                    writer.WriteNullValue();
                    break;
                case 2:
                    AnyValue(random, writer, 2);
                    break;
                default:
                    writeValue();
                    break;
            }
        }

        private static void Account(Random random, Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            WriteField(random, writer, "id", () => writer.WriteStringValue(random.Next(4) == 0 ? new string('i', random.Next(1, 5000)) : OddString(random, random.Next(0, 40))));
            WriteField(random, writer, "name", () => writer.WriteStringValue(OddString(random, random.Next(0, 40))));
            WriteField(random, writer, "role", () => writer.WriteStringValue(Pick(random, "user", "bot", OddString(random, 8))));
            writer.WriteEndObject();
        }

        private static void Entities(Random random, Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                if (random.Next(5) == 0)
                {
                    AnyValue(random, writer, 3);
                    continue;
                }

                writer.WriteStartObject();
                WriteField(random, writer, "type", () => writer.WriteStringValue(Pick(random, "mention", "clientInfo", "https://schema.org/Message", OddString(random, 10))));
                WriteField(random, writer, "mentioned", () => Account(random, writer));
                WriteField(random, writer, "text", () => writer.WriteStringValue("<at>" + OddString(random, 10) + "</at>"));
                WriteField(random, writer, "contentType", () => writer.WriteStringValue(Pick(random, "application/vnd.microsoft.card.adaptive", "image/png")));
                WriteField(random, writer, "content", () => AnyValue(random, writer, random.Next(0, 20)));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        private static void Members(Random random, Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                if (random.Next(4) == 0)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    Account(random, writer);
                }
            }

            writer.WriteEndArray();
        }

        private static void AnyValue(Random random, Utf8JsonWriter writer, int depth)
        {
            switch (depth <= 0 ? random.Next(6) : random.Next(8))
            {
                case 0:
                    writer.WriteNullValue();
                    break;
                case 1:
                    writer.WriteBooleanValue(random.Next(2) == 0);
                    break;
                case 2:
                    writer.WriteRawValue(Pick(random, "0", "-1", "1e308", "1e999", "123456789012345678901234567890", "0.000001"), skipInputValidation: true);
                    break;
                case 3:
                case 4:
                    writer.WriteStringValue(OddString(random, random.Next(0, 100)));
                    break;
                case 5:
                    // Escapes the writer would never produce itself: lone surrogates, NUL.
                    writer.WriteRawValue(Pick(random, "\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\"", "\"\\ud83d\\ude00\""), skipInputValidation: true);
                    break;
                case 6:
                    writer.WriteStartArray();
                    for (var i = random.Next(0, 3); i > 0; i--)
                    {
                        AnyValue(random, writer, depth - 1);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStartObject();
                    for (var i = random.Next(0, 3); i > 0; i--)
                    {
                        writer.WritePropertyName(OddString(random, random.Next(0, 12)));
                        AnyValue(random, writer, depth - 1);
                    }

                    writer.WriteEndObject();
                    break;
            }
        }

        /// <summary>Letters, Danish letters, emoji, control characters and the protocol's separators.</summary>
        private static string OddString(Random random, int length)
        {
            const string Alphabet = "abcæøåÆØÅ|:;@/\\%?#&=+ \t\n\r\u0000\u0001\u001f\u007f\u200b\u202e\uFEFF\"'<>{}[]";
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                if (random.Next(20) == 0)
                {
                    builder.Append("🙂");
                }
                else
                {
                    builder.Append(Alphabet[random.Next(Alphabet.Length)]);
                }
            }

            return builder.ToString();
        }

        private static byte[] RandomBytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

        private static string Truncate(string text) => text.Length <= 120 ? text : text[..120] + "…";
    }
}
