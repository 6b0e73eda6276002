using System.Globalization;
using System.Net;

namespace FaqBot.LoadTest;

/// <summary>What the Direct Line load run does, from the command line. Only a loopback server is accepted.</summary>
internal sealed record LoadOptions(
    Uri Server,
    int? ServerPid,
    string QuestionsFile,
    int Conversations,
    int MessagesPerConversation,
    int Parallelism,
    int WarmupConversations,
    TimeSpan ReplyTimeout,
    TimeSpan RunTimeout,
    Uri? Replica = null)
{
    public const string Usage =
        "usage: FaqBot.LoadTest --url http://127.0.0.1:PORT --questions FILE [--replica http://127.0.0.1:PORT] [--server-pid PID] [--conversations 200] " +
        "[--messages 20] [--parallel 200] [--warmup 4] [--reply-timeout 30] [--timeout 300]";

    /// <summary>Reads the options; returns null and an error for anything unknown, missing or not on loopback.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index++)
        {
            if (!args[index].StartsWith("--", StringComparison.Ordinal) || index + 1 >= args.Count)
            {
                error = $"unexpected argument '{args[index]}'";
                return null;
            }

            values[args[index][2..]] = args[++index];
        }

        string[] known = ["url", "replica", "server-pid", "questions", "conversations", "messages", "parallel", "warmup", "reply-timeout", "timeout"];
        if (values.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown)
        {
            error = $"unknown option --{unknown}";
            return null;
        }

        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var server) || server.Scheme != Uri.UriSchemeHttp)
        {
            error = "--url must be an http:// address";
            return null;
        }

        // A load run must never leave the machine.
        if (!server.IsLoopback && !(IPAddress.TryParse(server.Host, out var address) && IPAddress.IsLoopback(address)))
        {
            error = $"--url must be a loopback address, not {server.Host}";
            return null;
        }

        Uri? replica = null;
        if (values.TryGetValue("replica", out var replicaUrl)
            && (!Uri.TryCreate(replicaUrl, UriKind.Absolute, out replica) || replica.Scheme != Uri.UriSchemeHttp
                || !(replica.IsLoopback || (IPAddress.TryParse(replica.Host, out var replicaAddress) && IPAddress.IsLoopback(replicaAddress)))))
        {
            error = "--replica must be an http:// loopback address";
            return null;
        }

        if (!values.TryGetValue("questions", out var questions) || !File.Exists(questions))
        {
            error = "--questions must name an existing file";
            return null;
        }

        try
        {
            error = null;
            return new LoadOptions(
                new Uri(server.GetLeftPart(UriPartial.Authority)),
                values.TryGetValue("server-pid", out var pid) ? Positive(pid, "server-pid") : null,
                questions,
                Positive(values.GetValueOrDefault("conversations", "200"), "conversations"),
                Positive(values.GetValueOrDefault("messages", "20"), "messages"),
                Positive(values.GetValueOrDefault("parallel", "200"), "parallel"),
                int.Parse(values.GetValueOrDefault("warmup", "4"), NumberStyles.None, CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(Positive(values.GetValueOrDefault("reply-timeout", "30"), "reply-timeout")),
                TimeSpan.FromSeconds(Positive(values.GetValueOrDefault("timeout", "300"), "timeout")),
                replica is null ? null : new Uri(replica.GetLeftPart(UriPartial.Authority)));
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"--{name} must be a positive whole number");
}
