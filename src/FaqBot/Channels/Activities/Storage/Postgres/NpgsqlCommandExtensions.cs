using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>Reading a query's single text column, which several look-ups (ids, keys) return.</summary>
internal static class NpgsqlCommandExtensions
{
    /// <summary>The first column of every row <paramref name="command"/> returns, as text, in order.</summary>
    public static async Task<List<string>> ReadStringsAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
