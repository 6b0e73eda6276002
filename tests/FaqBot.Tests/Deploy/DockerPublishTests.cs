using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FaqBot.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so the image is checked by its parts: the Dockerfile's own <c>dotnet publish</c> line
/// (read from the file, only the output folder changed) and its own health-check command, run on this machine; the
/// published output starts, is ready, answers a patient and passes the health check.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DockerPublishTests
{
    private static readonly string Dockerfile = Path.Combine(ContentTestFiles.RepositoryRoot(), "deploy", "docker", "Dockerfile");

    [Fact]
    public async Task ThePublishCommandOfTheDockerfileGivesAServerThatAnswersAndPassesTheHealthCheck()
    {
        var lines = InstructionLines(File.ReadAllText(Dockerfile));
        // The image's restore first: its publish does not restore, and compiles ahead of time for the build's runtime.
        var restore = lines.Single(line => line.StartsWith("RUN dotnet restore ", StringComparison.Ordinal))["RUN ".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (restored, restoreLog) = await RunAsync(restore[0], restore[1..], TimeSpan.FromMinutes(4));
        Assert.True(restored == 0, restoreLog);
        var publish = lines.Single(line => line.StartsWith("RUN dotnet publish ", StringComparison.Ordinal))["RUN ".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var imageFolder = publish[Array.IndexOf(publish, "-o") + 1];
        var output = Directory.CreateTempSubdirectory("faqbot-publish-");
        try
        {
            publish[Array.IndexOf(publish, "-o") + 1] = output.FullName;
            var (published, publishLog) = await RunAsync(publish[0], publish[1..], TimeSpan.FromMinutes(8));
            Assert.True(published == 0, publishLog);
            // What the image must carry besides the program: the content, the Web Chat bundle and the vocabulary.
            Assert.True(File.Exists(Path.Combine(output.FullName, "content", "safety", "red-flags.txt")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "webchat", "webchat.js")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "vocabulary", "da-words.fst")));

            var entrypoint = JsonArray(lines.Single(line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))["ENTRYPOINT ".Length..]);
            var port = FreeLoopbackPort();
            using var server = StartServer(entrypoint, imageFolder, output.FullName, port);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
                await WaitUntilReadyAsync(http, server);

                var replies = await Activities.ExpectRepliesAsync(http, Activities.Message("Hjælper øvelser mod iskias?"));
                Assert.Contains(replies, reply => ((string?)reply!["text"] ?? "").Contains("øvelser", StringComparison.OrdinalIgnoreCase));

                var healthCheck = HealthCheckCommand(lines, imageFolder, output.FullName, port);
                var (healthy, healthLog) = await RunAsync(healthCheck[0], healthCheck[1..], TimeSpan.FromSeconds(60));
                Assert.True(healthy == 0, healthLog);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheRuntimeStageRunsAsANonRootUserWithAHealthCheck()
    {
        var lines = InstructionLines(File.ReadAllText(Dockerfile));
        var stages = lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var runtime = lines.Skip(lines.IndexOf(stages[^1])).ToList();

        Assert.True(stages.Count >= 2, "multi-stage: the SDK builds, a smaller image runs");
        Assert.Contains("dotnet/aspnet:10.0", stages[^1], StringComparison.Ordinal);
        Assert.Contains(runtime, line => line.StartsWith("COPY --from=", StringComparison.Ordinal));
        var user = runtime.Last(line => line.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user}: a numeric non-root uid");
        Assert.Contains(runtime, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(runtime, line => line.StartsWith("EXPOSE 8080", StringComparison.Ordinal));
    }

    /// <summary>The Dockerfile's instructions, each on one line (continuations joined, comments dropped).</summary>
    private static List<string> InstructionLines(string dockerfile) =>
        [.. Continuation().Replace(dockerfile, " ").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => Spaces().Replace(line, " "))];

    private static string[] JsonArray(string exec) => JsonSerializer.Deserialize<string[]>(exec.Trim())!;

    /// <summary>The HEALTHCHECK's exec form with the image's folder and port replaced by this test's.</summary>
    private static string[] HealthCheckCommand(List<string> lines, string imageFolder, string folder, int port)
    {
        var healthCheck = lines.Single(line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        var command = JsonArray(healthCheck[(healthCheck.IndexOf("CMD ", StringComparison.Ordinal) + "CMD ".Length)..]);
        return [.. command.Select(arg => arg.Replace(imageFolder, folder, StringComparison.Ordinal).Replace(":8080/", $":{port}/", StringComparison.Ordinal))];
    }

    private static Process StartServer(string[] entrypoint, string imageFolder, string folder, int port)
    {
        var start = new ProcessStartInfo(entrypoint[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in entrypoint[1..])
        {
            start.ArgumentList.Add(arg.Replace(imageFolder, folder, StringComparison.Ordinal));
        }

        // A production server on a free loopback port; anonymous /api/messages so the test can ask without a token.
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["BotChannel__AllowAnonymous"] = "true";
        start.Environment.Remove("FAQBOT_CONTENT");
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(server.HasExited, $"the published server exited with {(server.HasExited ? server.ExitCode : 0)}");
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the server indexes the content before it listens.
            }

            Assert.True(DateTime.UtcNow < deadline, "the published server did not become ready");
            await Task.Delay(250);
        }
    }

    private static async Task<(int Exit, string Log)> RunAsync(string fileName, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = ContentTestFiles.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, $"{fileName} {string.Join(' ', args)}\n{await output}\n{await error}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
