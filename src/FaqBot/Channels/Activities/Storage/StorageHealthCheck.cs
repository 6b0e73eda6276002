using FaqBot.Channels.Activities.Storage.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Readiness of the store: always ready in memory; with PostgreSQL, ready only while the database answers (and its
/// schema is in place), so a load balancer sends patients elsewhere meanwhile. Says nothing of the connection string.
/// </summary>
public sealed class StorageHealthCheck(StorageSettings settings, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!settings.UsesPostgres)
        {
            return HealthCheckResult.Healthy("In memory (no database configured)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await services.GetRequiredService<PostgresDatabase>().RunAsync(
                async (connection, token) =>
                {
                    await using var probe = new NpgsqlCommand("SELECT 1", connection);
                    return await probe.ExecuteScalarAsync(token);
                },
                timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL");
        }
        catch (Exception exception) when (exception is StorageUnavailableException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL cannot be reached");
        }
    }
}
