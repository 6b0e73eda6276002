using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// Which web pages may use the bot: its own (same origin) and the clinic's configured sites. CORS enforces this for
/// fetches; WebSocket upgrades and the token endpoint check it here, because browsers do not apply CORS to them.
/// </summary>
public sealed class DirectLineOrigins(IOptions<DirectLineOptions> options)
{
    /// <summary>The configured site origins, normalised (no trailing slash).</summary>
    public IReadOnlyList<string> Allowed { get; } = [.. options.Value.AllowedOrigins
        .Where(origin => !string.IsNullOrWhiteSpace(origin))
        .Select(origin => origin.Trim().TrimEnd('/'))];

    /// <summary>A request without <c>Origin</c> (not from a browser page) or from an allowed page.</summary>
    public bool IsAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, PublicOrigin(), StringComparison.OrdinalIgnoreCase)
            || Allowed.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }

    private string? PublicOrigin() =>
        Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
