using System.Text.Json;
using FaqBot.Channels.Activities.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Hosting;

/// <summary>
/// <c>/healthz</c> (the process is alive) and <c>/readyz</c> (content and safety rules loaded, the database answering when
/// one is configured: send it patients) for orchestrators and load balancers, on ASP.NET Core's health checks.
/// </summary>
public static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddFaqBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<LearnedTriageHealthCheck>("learnedTriage", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps both paths (any method, so <c>HEAD</c> works too); neither needs authentication.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithTags("Health");
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .WithTags("Health");
        return app;
    }

    /// <summary><c>{"status":"Healthy","checks":{"content":{"status":"Healthy","description":"…"}}}</c>, never cached.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
