using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Polly;
using Polly.Retry;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: a pooled data source, the schema (migrated on first use), and a short retry for
/// transient failures (a restart breaks pooled connections). An unreachable database surfaces as
/// <see cref="StorageUnavailableException"/>; the pool recovers by itself once it is back. Npgsql is given no logger and
/// no error details, so no parameter (a patient's words) reaches a log.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly ResiliencePipeline _retry;
    private readonly Lock _schemaGate = new();
    private volatile bool _schemaReady;

    public PostgresDatabase(StorageSettings settings)
    {
        _source = NpgsqlDataSource.Create(WithDefaults(settings.PostgresConnectionString
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set.")));
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsUnavailable),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                // Connections pooled before a restart are all broken: drop them rather than fail on each in turn (but not
                // for a busy pool, whose connections are fine).
                OnRetry = arguments =>
                {
                    if (arguments.Outcome.Exception is { } exception && IsBrokenConnection(exception))
                    {
                        _source.Clear();
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// A connection of the pool for the one that listens for notifications (from the data source: its own connection
    /// string no longer holds the password).
    /// </summary>
    internal ValueTask<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken) => _source.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a pooled connection, retrying transient failures.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(
                async token =>
                {
                    EnsureSchema();
                    await using var connection = await _source.OpenConnectionAsync(token);
                    return await work(connection, token);
                },
                cancellationToken);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw new StorageUnavailableException("The database cannot be reached.", exception);
        }
    }

    /// <summary>Creates or migrates the tables once; until that succeeds, every use tries again.</summary>
    public void EnsureSchema()
    {
        if (_schemaReady)
        {
            return;
        }

        lock (_schemaGate)
        {
            if (_schemaReady)
            {
                return;
            }

            using var connection = _source.OpenConnection();
            PostgresSchema.Migrate(connection);
            _schemaReady = true;
        }
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Whether <paramref name="exception"/> means the database is down or restarting (rather than a bug).</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        // 08: connection exceptions; 57P01-57P03: shutting down, crashed, starting up; 53: out of resources.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Whether the connection itself broke (a restart), rather than the pool being busy.</summary>
    private static bool IsBrokenConnection(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException { InnerException: TimeoutException } => false,
        NpgsqlException { InnerException: { } inner } => IsBrokenConnection(inner),
        NpgsqlException => true,
        SocketException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// Short timeouts unless the connection string says otherwise, so a patient waits seconds, not a minute, for the
    /// apology while the database is away.
    /// </summary>
    private static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = 3;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = 10;
        }

        return builder.ConnectionString;
    }
}
