using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// Migrates the schema while the server starts (a database that is down then is migrated on first use instead), and
/// every minute deletes expired conversation state, the sent-answer entries beyond the index's capacity and delivery
/// claims that ran out long ago. Transcripts
/// expire through the channel's janitor (<see cref="ITranscriptStore.RemoveIdleAsync"/>).
/// </summary>
public sealed class PostgresMaintenance(StorageSettings settings, IServiceProvider services, TimeProvider time, ILogger<PostgresMaintenance> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.UsesPostgres)
        {
            return;
        }

        var database = services.GetRequiredService<PostgresDatabase>();
        await Task.Yield();
        try
        {
            database.EnsureSchema();
        }
        catch (Exception exception) when (PostgresDatabase.IsUnavailable(exception))
        {
            logger.LogWarning("The database is unreachable at start; the schema is migrated once it answers");
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await database.RunAsync(
                    async (connection, token) =>
                    {
                        await using var batch = new NpgsqlBatch(connection);
                        var expired = new NpgsqlBatchCommand("DELETE FROM faqbot_conversation_state WHERE expires_at < $1");
                        expired.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
                        batch.BatchCommands.Add(expired);
                        var beyond = new NpgsqlBatchCommand(
                            "DELETE FROM faqbot_sent_answer WHERE ctid IN (SELECT ctid FROM faqbot_sent_answer ORDER BY sent_at DESC OFFSET $1)");
                        beyond.Parameters.Add(new NpgsqlParameter { Value = (long)ISentAnswerIndex.Capacity });
                        batch.BatchCommands.Add(beyond);
                        // Claims left by a replica that died after delivering everything: nothing will take them over.
                        var leases = new NpgsqlBatchCommand("DELETE FROM faqbot_outbox_lease WHERE lease_until < $1");
                        leases.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() - Interval });
                        batch.BatchCommands.Add(leases);
                        return await batch.ExecuteNonQueryAsync(token);
                    },
                    stoppingToken);
            }
            catch (StorageUnavailableException)
            {
                logger.LogWarning("Could not delete expired conversation state: the database is unavailable");
            }
        }
    }
}
