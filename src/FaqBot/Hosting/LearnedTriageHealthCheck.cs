using FaqBot.Triage.Learned;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Hosting;

/// <summary>
/// The learned second opinion: degraded (still serving, on the rules alone) when its model is missing or broken;
/// healthy when loaded, while loading (the rules serve meanwhile) and when switched off by setting.
/// </summary>
internal sealed class LearnedTriageHealthCheck(LearnedSecondOpinion secondOpinion) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(secondOpinion.State switch
        {
            LearnedTriageState.Missing or LearnedTriageState.Broken => HealthCheckResult.Degraded(secondOpinion.Problem),
            LearnedTriageState.Ready => HealthCheckResult.Healthy($"loaded, threshold {secondOpinion.Threshold:0.000}"),
            LearnedTriageState.Loading => HealthCheckResult.Healthy("loading; the rules alone decide meanwhile"),
            _ => HealthCheckResult.Healthy($"off ({FaqBotDomainServices.LearnedTriageSetting}); the rules alone decide"),
        });
}
