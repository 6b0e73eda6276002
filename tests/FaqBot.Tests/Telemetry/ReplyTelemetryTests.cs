using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FaqBot.Telemetry;

namespace FaqBot.Tests.Telemetry;

/// <summary>Alone, because a meter and an activity source are process-wide: other tests' replies would count too.</summary>
[CollectionDefinition(nameof(ProcessWideTelemetry), DisableParallelization = true)]
public sealed class ProcessWideTelemetry;

/// <summary>
/// What the metrics and spans say about real turns through <c>/api/messages</c> with the real composer: replies by kind
/// and channel, red flags by kind, screening questions asked, a duration per stage, and a compose span around its
/// triage and search spans — every tag a name of the bot's own.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(ProcessWideTelemetry))]
public sealed class ReplyTelemetryTests
{
    [Fact]
    public async Task TurnsCountRepliesByKindRedFlagsScreeningQuestionsAndTimeEachStage()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        var spans = new ConcurrentQueue<Activity>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReplyTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Tags(tags))));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Tags(tags))));
        meters.Start();
        using var sources = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ReplyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(sources);
        await using var host = new BotTestHost { ServedComposer = null };
        using var client = host.CreateClient();

        await SendAsync(client, "c1", "Hjælper øvelser mod iskias?");
        await SendAsync(client, "c1", "Hvad koster en behandling hos jer?");
        await SendAsync(client, "c1", "Jeg kan ikke holde på urinen og har ondt i ryggen");
        await SendAsync(client, "c2", "jeg har taget panodil og ipren, de gør ingenting");

        var replies = measurements.Where(m => m.Instrument == "faqbot.replies").ToList();
        Assert.Equal(4, replies.Sum(m => m.Value));
        Assert.All(replies, m => Assert.Equal("emulator", m.Tags["faqbot.channel"]));
        // The exercise question is answered; the price question is not covered (nor, here, the other two).
        Assert.Equal(1, replies.Where(m => m.Tags["faqbot.reply.kind"] == "answer").Sum(m => m.Value));
        Assert.Equal(3, replies.Where(m => m.Tags["faqbot.reply.kind"] == "noMatch").Sum(m => m.Value));
        var redFlags = measurements.Where(m => m.Instrument == "faqbot.red_flags").ToList();
        Assert.Contains(redFlags, m => m.Tags["faqbot.red_flag.kind"] == "caudaEquina");
        var screening = Assert.Single(measurements, m => m.Instrument == "faqbot.screening.questions");
        Assert.Equal("nightPain", screening.Tags["faqbot.screening.kind"]);
        var stages = measurements.Where(m => m.Instrument == "faqbot.stage.duration").ToList();
        Assert.Equal(4, stages.Count(m => m.Tags["faqbot.stage"] == "compose"));
        Assert.Equal(4, stages.Count(m => m.Tags["faqbot.stage"] == "triage"));
        Assert.InRange(stages.Count(m => m.Tags["faqbot.stage"] == "search"), 2, 4);
        Assert.All(stages, m => Assert.InRange(m.Value, 0, 5));

        var composes = spans.Where(s => s.OperationName == "faqbot.compose").ToList();
        Assert.Equal(4, composes.Count);
        Assert.All(spans.Where(s => s.OperationName is "faqbot.triage" or "faqbot.search"), s => Assert.Contains(s.ParentSpanId, composes.Select(c => c.SpanId)));
        Assert.Contains(composes, s => (string?)s.GetTagItem("faqbot.red_flag.kinds") == "caudaEquina");
        Assert.Contains(composes, s => (string?)s.GetTagItem("faqbot.reply.kind") == "noMatch");
        // Every tag is the bot's own vocabulary: names of kinds, stages, channels, passages.
        Assert.All(measurements.SelectMany(m => m.Tags.Values).Concat(spans.SelectMany(s => s.Tags.Select(t => t.Value))), value =>
            Assert.Matches(@"^[A-Za-z0-9#,_.\-]*$", value ?? ""));
    }

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        return copy;
    }

    private static async Task SendAsync(HttpClient client, string conversation, string text)
    {
        var message = Activities.Message(text);
        message["conversation"]!["id"] = conversation;
        Assert.NotEmpty(await Activities.ExpectRepliesAsync(client, message));
    }
}
