namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Where state is kept: in this process's memory, or in PostgreSQL when <c>ConnectionStrings:Postgres</c> is set
/// (environment: <c>ConnectionStrings__Postgres</c>), which several replicas can share.
/// </summary>
public sealed record StorageSettings(string? PostgresConnectionString)
{
    public const string ConnectionStringName = "Postgres";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public static StorageSettings From(IConfiguration configuration) => new(configuration.GetConnectionString(ConnectionStringName));
}
