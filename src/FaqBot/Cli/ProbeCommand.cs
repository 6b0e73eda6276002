namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot probe URL</c>: exit 0 when a GET of <paramref name="args"/>' URL answers 2xx within five seconds, else 1.
/// The container's health check: the small runtime image has neither a shell nor curl, only the app itself.
/// </summary>
internal static class ProbeCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown();
        if (args.Positional.Count != 1 || !Uri.TryCreate(args.Positional[0], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException("probe needs one absolute http(s) URL, e.g. http://127.0.0.1:8080/healthz");
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            output.WriteLine($"{(int)response.StatusCode} {url}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"faqbot: {url}: {exception.Message}");
            return 1;
        }
    }
}
