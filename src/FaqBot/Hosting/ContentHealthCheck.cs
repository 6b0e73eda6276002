using FaqBot.Answering;
using FaqBot.Triage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Hosting;

/// <summary>
/// Ready when the articles are indexed and the safety content is loaded; degraded (still serving) when some article had
/// a problem and was left out. The server does not start without safety content, so this never reports it missing.
/// </summary>
internal sealed class ContentHealthCheck(LiveEngine live) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // One engine read once: a reload between two reads would mix the old index with the new rules.
        var engine = live.Current;
        var (knowledge, safety) = (engine.Knowledge, engine.Safety);
        var passages = knowledge.Content.Passages.Count;
        var description = $"{passages} passages, {safety.Rules.Rules.Count} red-flag rules, {knowledge.Problems.Count} content problems";
        var result = passages == 0 || safety.Rules.Rules.Count == 0
            ? HealthCheckResult.Unhealthy(description)
            : knowledge.Problems.Count > 0 ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
        return Task.FromResult(result);
    }
}
