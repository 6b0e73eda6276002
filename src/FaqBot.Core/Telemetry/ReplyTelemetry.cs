using System.Diagnostics;
using System.Diagnostics.Metrics;
using FaqBot.Conversation;

namespace FaqBot.Telemetry;

/// <summary>
/// FaqBot's traces and metrics, on the BCL's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named
/// <see cref="Name"/>): a span and a duration per stage of a reply (compose, and triage and search inside it), replies
/// by kind and channel (the no-match rate is noMatch over all), red flags by kind, screening questions asked by kind.
/// Nothing here costs anything until a listener (the host's OpenTelemetry) subscribes.
/// </summary>
/// <remarks>
/// Every name and tag value is the bot's own — a stage, a reply kind, a red-flag or screening kind from the content, a
/// passage id, a known channel — never anything the patient wrote: their words are health data.
/// </remarks>
public static class ReplyTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "FaqBot";

    /// <summary>The channels named in metrics; any other channel id (clients choose it) counts as "other".</summary>
    public static readonly IReadOnlySet<string> KnownChannels = new HashSet<string>(StringComparer.Ordinal)
    {
        "msteams", "webchat", "directline", "emulator",
    };

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "faqbot.stage.duration", "s", "Time spent in one stage of composing a reply (compose, triage, search)");

    private static readonly Counter<long> Replies = Meter.CreateCounter<long>(
        "faqbot.replies", "{reply}", "Replies to patients' messages by kind (answer, noMatch, smallTalk, tooLong, unavailable) and channel");

    private static readonly Counter<long> RedFlags = Meter.CreateCounter<long>(
        "faqbot.red_flags", "{red flag}", "Red flags found in patients' messages, by kind");

    private static readonly Counter<long> ScreeningQuestions = Meter.CreateCounter<long>(
        "faqbot.screening.questions", "{question}", "Screening questions asked, by kind");

    /// <summary>Starts timing (and tracing) <paramref name="stage"/>; dispose the result when the stage is done.</summary>
    public static StageScope Stage(ReplyStage stage) => new(stage, Source.StartActivity(StageName(stage)), Stopwatch.GetTimestamp());

    /// <summary>Counts the reply a patient got on <paramref name="channel"/> and its red flags.</summary>
    public static void Replied(Reply reply, string? channel)
    {
        Replies.Add(1, new KeyValuePair<string, object?>("faqbot.reply.kind", KindName(reply.Kind)), new("faqbot.channel", ChannelName(channel)));
        foreach (var kind in reply.RedFlags)
        {
            RedFlags.Add(1, new KeyValuePair<string, object?>("faqbot.red_flag.kind", kind));
        }
    }

    /// <summary>Counts a screening question of <paramref name="kind"/> put to a patient.</summary>
    public static void ScreeningAsked(string kind) =>
        ScreeningQuestions.Add(1, new KeyValuePair<string, object?>("faqbot.screening.kind", kind));

    /// <summary>The metric and span name of a reply kind: camelCase, as the CLI's JSON writes it.</summary>
    public static string KindName(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => "answer",
        ReplyKind.NoMatch => "noMatch",
        ReplyKind.SmallTalk => "smallTalk",
        ReplyKind.TooLong => "tooLong",
        ReplyKind.Unavailable => "unavailable",
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()),
    };

    private static string ChannelName(string? channel) =>
        channel is not null && KnownChannels.Contains(channel) ? channel : "other";

    private static string StageName(ReplyStage stage) => stage switch
    {
        ReplyStage.Compose => "faqbot.compose",
        ReplyStage.Triage => "faqbot.triage",
        _ => "faqbot.search",
    };

    /// <summary>One stage being timed; <see cref="Dispose"/> records its duration and ends its span.</summary>
    public readonly struct StageScope : IDisposable
    {
        private readonly ReplyStage _stage;
        private readonly Activity? _activity;
        private readonly long _started;

        internal StageScope(ReplyStage stage, Activity? activity, long started)
        {
            _stage = stage;
            _activity = activity;
            _started = started;
        }

        /// <summary>Tags the span with what the reply is (kind, passage, red-flag kinds) and returns it.</summary>
        public Reply Done(Reply reply)
        {
            if (_activity is { IsAllDataRequested: true } activity)
            {
                activity.SetTag("faqbot.reply.kind", KindName(reply.Kind));
                activity.SetTag("faqbot.passage.id", reply.PassageId);
                activity.SetTag("faqbot.red_flag.kinds", reply.RedFlags.Count > 0 ? string.Join(",", reply.RedFlags) : null);
            }

            return reply;
        }

        public void Dispose()
        {
            StageDuration.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>("faqbot.stage", _stage.ToString().ToLowerInvariant()));
            _activity?.Dispose();
        }
    }
}

/// <summary>The stages of composing a reply that are timed and traced.</summary>
public enum ReplyStage
{
    /// <summary>The whole reply to one message.</summary>
    Compose,
    /// <summary>Red-flag triage of the message.</summary>
    Triage,
    /// <summary>Searching the articles for the passage that answers.</summary>
    Search,
}
