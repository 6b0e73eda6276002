using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// The built FaqBot server as its own process on 127.0.0.1 and a port it picks, as in production (a replica), with the
/// settings given as environment variables. Killing it is a replica dying.
/// </summary>
public sealed partial class FaqBotServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private FaqBotServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; private set; }

    /// <summary>What the process wrote so far, standard output and error.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> (<c>Section__Key</c> names) and waits until it listens.</summary>
    public static async Task<FaqBotServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "FaqBot"))
        {
            ArgumentList = { "--urls", "http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["FAQBOT_CONTENT"] = ContentTestFiles.ContentDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new FaqBotServerProcess(process, new Uri("http://127.0.0.1"));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, line) =>
        {
            if (line.Data is not { } text)
            {
                return;
            }

            lock (server._output)
            {
                server._output.Add(text);
            }

            if (Listening().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(new InvalidOperationException(
            "The server exited during start-up: " + string.Join('\n', server.Output))), TaskScheduler.Default);
        server.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>
    /// Two replicas sharing the database <paramref name="connectionString"/> and the token key, as behind one load
    /// balancer, with <paramref name="both"/> added to both and <paramref name="onlyA"/> to the first. When one fails to
    /// start the other is stopped.
    /// </summary>
    public static async Task<(FaqBotServerProcess A, FaqBotServerProcess B)> StartReplicasAsync(
        string connectionString,
        IReadOnlyDictionary<string, string>? both = null,
        IReadOnlyDictionary<string, string>? onlyA = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            // Replicas behind one load balancer share the token key, or a token from A would mean nothing to B.
            ["DirectLine__TokenSigningKey"] = BotTestHost.SigningKey,
            ["Safety__Region"] = "hovedstaden",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in both ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var a = StartAsync(new Dictionary<string, string>(settings.Concat(onlyA ?? new Dictionary<string, string>())));
        var b = StartAsync(settings);
        try
        {
            await Task.WhenAll(a, b);
        }
        catch
        {
            // One failed to start: the other must not outlive the test.
            foreach (var started in new[] { a, b }.Where(task => task.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return (a.Result, b.Result);
    }

    /// <summary>Waits for the process to end by itself (a deliberate crash), failing the test after <paramref name="timeout"/>.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends the process SIGHUP, as <c>kill -HUP</c> would: reload the content.</summary>
    public void HangUp()
    {
        using var kill = Process.Start("kill", ["-HUP", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Kills the process at once, as a crashed replica: nothing is flushed or closed cleanly.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
