using System.Globalization;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// Listens on <see cref="PostgresTranscriptStore.Channel"/> over one dedicated connection, so a stream on this replica
/// wakes at once when any replica appends to its transcript, and closes when any replica forgets it. When the connection
/// breaks (a database restart) it reconnects by itself, then has every handle write what it kept and read again.
/// </summary>
public sealed class PostgresNotifications(StorageSettings settings, IServiceProvider services, ILogger<PostgresNotifications> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.UsesPostgres)
        {
            return;
        }

        var database = services.GetRequiredService<PostgresDatabase>();
        var store = services.GetRequiredService<PostgresTranscriptStore>();
        var broken = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenListenerAsync(stoppingToken);
                connection.Notification += (_, notification) => Dispatch(store, notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresTranscriptStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (broken)
                {
                    logger.LogInformation("The database is back; listening for transcript changes again");
                    broken = false;
                }

                // Anything appended or kept while not listening is written and read now.
                await store.ReconnectedAsync();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (PostgresDatabase.IsUnavailable(exception))
            {
                if (!broken)
                {
                    logger.LogWarning("Lost the database connection that listens for transcript changes; reconnecting");
                    broken = true;
                }

                await Task.Delay(ReconnectDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static void Dispatch(PostgresTranscriptStore store, string payload)
    {
        if (payload.StartsWith("e:", StringComparison.Ordinal))
        {
            store.Forgotten(payload[2..]);
            return;
        }

        // a:{sequence}:{id}; ids may contain colons, the number does not.
        var separator = payload.IndexOf(':', 2);
        if (payload.StartsWith("a:", StringComparison.Ordinal) && separator > 2
            && long.TryParse(payload.AsSpan(2, separator - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            store.Appended(payload[(separator + 1)..], sequence);
        }
    }
}
