using System.Diagnostics.CodeAnalysis;

namespace FaqBot;

/// <summary>
/// The addresses from settings and content the bot lets reach a browser or a client: absolute http(s) URLs, and paths
/// on the bot's own host. One definition for every setting and link that checks them.
/// </summary>
internal static class HttpAddress
{
    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool TryAbsolute([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri) && uri.Scheme is "https" or "http";

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool IsAbsolute([NotNullWhen(true)] string? value) => TryAbsolute(value, out _);

    /// <summary>Whether <paramref name="value"/> is a path on the bot's own host ("/artikler/…"), not "//another.site".</summary>
    public static bool IsLocalPath([NotNullWhen(true)] string? value) =>
        value is not null && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal);
}
