namespace FaqBot.Tests.TestSupport;

/// <summary>
/// Finds the system's chromium (Debian's package) and the system's node for Playwright's driver. Locally a missing
/// chromium skips the browser tests with the reason; on CI (<c>CI=true</c>) it fails them, so they cannot silently vanish.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>The chromium binary: <c>FAQBOT_CHROMIUM</c>, or Debian's.</summary>
    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("FAQBOT_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Candidates.FirstOrDefault(File.Exists);

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Flags for running as root in a container, with nothing reaching out to the internet.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        // The embed test's stand-in clinic site is served by Playwright, which chromium counts as a public page; on the
        // internet both the site and the bot are public, so the local-network permission prompt never applies.
        "--disable-features=LocalNetworkAccessChecks",
    ];

    /// <summary>Points Playwright at the system's node unless the caller already did.</summary>
    public static void UseSystemNode()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH")))
        {
            return;
        }

        var node = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);
        if (node is not null)
        {
            Environment.SetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH", node);
        }
    }
}

/// <summary>A fact that needs chromium: skipped locally without it, failed on CI without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.OnCi)
        {
            Skip = "chromium is not installed (apt-get install chromium, or set FAQBOT_CHROMIUM); CI=true makes this a failure.";
        }
    }
}
