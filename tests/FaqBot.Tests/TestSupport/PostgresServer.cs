using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// A real PostgreSQL the test starts itself (Debian's <c>postgresql</c> package: initdb and pg_ctl) in a temporary data
/// directory, on 127.0.0.1 and a free port; it can be stopped and started again to play a database restart. As root it
/// runs as the <c>postgres</c> system user (initdb refuses root). Locally a missing PostgreSQL skips the tests that need
/// it, with the reason; on CI (<c>CI=true</c>) it fails them.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The password of the server's only user, <c>faqbot</c> (a throwaway: the server lives as long as a test).</summary>
    private const string Password = "faqbot-test-password";

    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string directory, int port, bool asPostgresUser)
    {
        _bin = bin;
        _directory = directory;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The folder with initdb, pg_ctl and postgres: <c>FAQBOT_POSTGRES_BIN</c>, else the newest Debian one.</summary>
    public static string? BinDirectory =>
        Environment.GetEnvironmentVariable("FAQBOT_POSTGRES_BIN") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "pg_ctl"))
            ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(version => Path.Combine(version, "bin"))
                    .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                    .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                    .FirstOrDefault()
                : null;

    /// <summary>Initialises and starts a new server; its databases vanish with it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql).");
        var asPostgresUser = Environment.UserName == "root";
        var directory = Directory.CreateTempSubdirectory("faqbot-pg-").FullName;
        var server = new PostgresServer(bin, directory, FreePort(), asPostgresUser);
        // Over TCP with a password, as in production (a connection string that loses its password fails here).
        await File.WriteAllTextAsync(Path.Combine(directory, "password"), Password);
        if (asPostgresUser)
        {
            await RunAsync("chown", "-R", "postgres:postgres", directory);
        }

        await server.RunToolAsync("initdb", "-D", server.DataDirectory, "-U", "faqbot", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", Path.Combine(directory, "password"), "-E", "UTF8", "--no-sync", "--no-instructions");
        await server.StartAgainAsync();
        return server;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>A connection string to a new, empty database of this server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "faqbot_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>Stops the server (fast shutdown: connections are cut, as in a restart).</summary>
    public Task StopAsync() => RunToolAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task StartAgainAsync() => RunToolAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c full_page_writes=off -c max_connections=200",
        "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=faqbot;Password={Password};Database={database};Timeout=3";

    private Task RunToolAsync(string tool, params string[] arguments) => _asPostgresUser
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
        : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fact that needs PostgreSQL: skipped locally without it, failed on CI without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.BinDirectory is null && !Chromium.OnCi)
        {
            Skip = "PostgreSQL is not installed (apt-get install postgresql, or set FAQBOT_POSTGRES_BIN); CI=true makes this a failure.";
        }
    }
}
