using System.Diagnostics;
using System.Globalization;

namespace FaqBot.LoadTest;

/// <summary>The figures of a run and whether it passed: every message echoed and answered once, nothing lost or reordered.</summary>
internal sealed class LoadReport(
    LoadOptions options,
    IReadOnlyList<ConversationOutcome> outcomes,
    IReadOnlyList<ConversationOutcome> warmup,
    TimeSpan elapsed,
    CpuUse cpu,
    MemoryUse memory)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public int Expected => options.Conversations * options.MessagesPerConversation;

    public int Sent => outcomes.Sum(outcome => outcome.Ledger.Messages.Count);

    public int Answered => outcomes.Sum(outcome => outcome.Ledger.Messages.Count(message => message.Replies > 0));

    public int Lost => outcomes.Sum(outcome => outcome.Ledger.Lost);

    public int Duplicated => outcomes.Sum(outcome => outcome.Ledger.Duplicated);

    public int OutOfOrder => outcomes.Sum(outcome => outcome.Ledger.OutOfOrder);

    public int Misaddressed => outcomes.Sum(outcome => outcome.Ledger.Misaddressed);

    public int Failed => outcomes.Count(outcome => outcome.Failure is not null);

    public bool Passed =>
        Failed == 0 && Lost == 0 && Duplicated == 0 && OutOfOrder == 0 && Misaddressed == 0 && Answered == Expected
        && warmup.All(outcome => outcome.Failure is null && outcome.Ledger is { Lost: 0, Duplicated: 0, OutOfOrder: 0, Misaddressed: 0 });

    public void WriteTo(TextWriter output)
    {
        var latencies = outcomes
            .SelectMany(outcome => outcome.Ledger.Messages)
            .Where(message => message.FirstReplyAt is not null)
            .Select(message => Stopwatch.GetElapsedTime(message.SentAt, message.FirstReplyAt!.Value).TotalMilliseconds)
            .Order()
            .ToArray();

        output.WriteLine(string.Create(Invariant, $"Direct Line over WebSocket: {options.Conversations} conversations × {options.MessagesPerConversation} messages, {Math.Min(options.Parallelism, options.Conversations)} at once, {options.Server}{(options.Replica is { } replica ? $" and {replica} (two replicas, one database)" : "")}"));
        output.WriteLine(string.Create(Invariant, $"  messages sent / answered   {Sent} / {Answered} of {Expected}"));
        output.WriteLine(string.Create(Invariant, $"  lost                       {Lost}"));
        output.WriteLine(string.Create(Invariant, $"  duplicated                 {Duplicated}"));
        output.WriteLine(string.Create(Invariant, $"  out of order               {OutOfOrder}"));
        output.WriteLine(string.Create(Invariant, $"  misaddressed               {Misaddressed}"));
        output.WriteLine(string.Create(Invariant, $"  conversations failed       {Failed}"));
        foreach (var reason in outcomes.Where(outcome => outcome.Failure is not null).GroupBy(outcome => outcome.Failure).OrderByDescending(group => group.Count()).Take(5))
        {
            output.WriteLine(string.Create(Invariant, $"    {reason.Count()} × {reason.Key}"));
        }

        if (latencies.Length > 0)
        {
            output.WriteLine(string.Create(Invariant, $"  reply latency              p50 {Percentile(latencies, 50):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms, max {latencies[^1]:0.0} ms"));
        }

        output.WriteLine(string.Create(Invariant, $"  wall time                  {elapsed.TotalSeconds:0.0} s ({Answered / Math.Max(elapsed.TotalSeconds, 0.001):0} answered messages/s)"));
        output.WriteLine(string.Create(Invariant, $"  CPU during the run         server {Seconds(cpu.ServerSeconds)}, this client {Seconds(cpu.ClientSeconds)}"));
        output.WriteLine(string.Create(Invariant, $"  server RSS                 {Megabytes(memory.Before)} before → {Megabytes(memory.After)} after (at start {Megabytes(memory.AtStart)}, before {warmup.Count} warm-up conversations)"));
        output.WriteLine(Passed ? "  result                     PASS" : "  result                     FAIL: see the counts above");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Seconds(double? value) => value is { } seconds ? seconds.ToString("0.0", Invariant) + " s" : "n/a";

    private static string Megabytes(double? value) => value is { } megabytes ? megabytes.ToString("0", Invariant) + " MB" : "n/a";
}

/// <summary>CPU seconds the server and this client used during the measured run (server: null without its PID).</summary>
internal sealed record CpuUse(double? ServerSeconds, double ClientSeconds);

/// <summary>The server's VmRSS in MiB: at the client's start, after the warm-up (before the run) and after the run.</summary>
internal sealed record MemoryUse(double? AtStart, double? Before, double? After);
