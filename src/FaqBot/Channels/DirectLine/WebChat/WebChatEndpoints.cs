using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaqBot.Channels.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FaqBot.Channels.DirectLine.WebChat;

/// <summary>
/// The Danish chat page at <c>/</c>, its assets, the Web Chat bundle and the one-line embed script
/// <c>/webchat/embed.js</c> for the clinic's own website.
/// </summary>
public static partial class WebChatEndpoints
{
    public const string EmbedPath = "/webchat/embed.js";
    public const string BundlePathPrefix = "/webchat/webchat.";

    /// <summary>Maps the page, its assets and the embed script; the host adds response compression.</summary>
    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder app)
    {
        // HEAD too: uptime monitors and proxies probe the page that way (Kestrel sends the headers without the body).
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], PageAsync).WithTags("Web Chat");
        app.MapGet("/webchat/page.js", (HttpContext context) => Asset(context, "page.js", "text/javascript; charset=utf-8", TimeSpan.FromHours(1)));
        app.MapGet("/webchat/chat.css", (HttpContext context) => Asset(context, "chat.css", "text/css; charset=utf-8", TimeSpan.FromHours(1)));
        app.MapGet(EmbedPath, Embed).WithTags("Web Chat");
        // The hashed name never changes content, so it can be cached for a year; the plain name is for hand-made pages.
        app.MapGet("/webchat/webchat.{hash}.js", (HttpContext context, WebChatBundle bundle, string hash) => BundleAsync(context, bundle, hash));
        app.MapGet("/webchat/webchat.js", (HttpContext context, WebChatBundle bundle) => BundleAsync(context, bundle, hash: null));
        return app;
    }

    private static async Task<ContentHttpResult> PageAsync(
        HttpContext context,
        WebChatBundle bundle,
        DirectLineOrigins origins,
        IOptions<WebChatOptions> webChat,
        IOptions<DirectLineOptions> directLine)
    {
        var options = webChat.Value;
        var compressed = bundle.GetAsync() is { } pending ? await pending : null;
        var azure = directLine.Value.Azure;
        var config = JsonSerializer.Serialize(new
        {
            tokenUrl = DirectLineEndpoints.TokenPath,
            domain = azure.Enabled ? azure.Domain.TrimEnd('/') : null,
            webSocket = options.WebSocket,
            accent = Color(options.AccentColor, "#00635a"),
            botAvatarInitials = options.BotAvatarInitials,
            botAvatarImage = SafeUrl(options.BotAvatarImage),
            userAvatarInitials = options.UserAvatarInitials,
        });
        var avatar = SafeUrl(options.BotAvatarImage) is { } image
            ? $"<img class=\"chat-avatar\" src=\"{WebUtility.HtmlEncode(image)}\" alt=\"\">"
            : "";
        var html = WebChatAssets.Read("page.html")
            .Replace("{{title}}", WebUtility.HtmlEncode($"Chat med {options.ClinicName}"), StringComparison.Ordinal)
            .Replace("{{clinicName}}", WebUtility.HtmlEncode(options.ClinicName), StringComparison.Ordinal)
            .Replace("{{subtitle}}", WebUtility.HtmlEncode(options.Subtitle), StringComparison.Ordinal)
            .Replace("{{accent}}", Color(options.AccentColor, "#00635a"), StringComparison.Ordinal)
            .Replace("{{header}}", Color(options.HeaderColor, "#00635a"), StringComparison.Ordinal)
            .Replace("{{headerText}}", Color(options.HeaderTextColor, "#ffffff"), StringComparison.Ordinal)
            .Replace("{{avatar}}", avatar, StringComparison.Ordinal)
            // The default encoder escapes < > & ' so the JSON cannot end the script element.
            .Replace("{{config}}", config, StringComparison.Ordinal)
            .Replace("{{bundle}}", compressed is null ? "/webchat/webchat.js" : $"{BundlePathPrefix}{compressed.Hash}.js", StringComparison.Ordinal);

        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var connect = azure.Enabled && Uri.TryCreate(azure.Domain, UriKind.Absolute, out var azureUri)
            ? $" {azureUri.GetLeftPart(UriPartial.Authority)} wss://{azureUri.Authority}"
            : "";
        // Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only. The page may be framed only by
        // the bot itself and the clinic's configured sites (the embed button).
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
            + $"font-src 'self' data:; connect-src 'self'{connect}; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + $"frame-ancestors 'self'{string.Concat(origins.Allowed.Select(origin => " " + origin))}";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static ContentHttpResult Embed(HttpContext context, IOptions<WebChatOptions> webChat, IOptions<DirectLineOptions> directLine)
    {
        var options = webChat.Value;
        var origin = Uri.TryCreate(directLine.Value.PublicBaseUrl, UriKind.Absolute, out var publicUri)
            ? publicUri.GetLeftPart(UriPartial.Authority)
            : $"{context.Request.Scheme}://{context.Request.Host}";
        var config = JsonSerializer.Serialize(new
        {
            origin,
            clinicName = options.ClinicName,
            buttonLabel = options.ButtonLabel,
            accent = Color(options.AccentColor, "#00635a"),
            header = Color(options.HeaderColor, "#00635a"),
            headerText = Color(options.HeaderTextColor, "#ffffff"),
        });
        var script = WebChatAssets.Read("embed.js").Replace("/*{{config}}*/", config, StringComparison.Ordinal);
        context.Response.Headers.CacheControl = "public, max-age=300";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(script, "text/javascript; charset=utf-8");
    }

    private static ContentHttpResult Asset(HttpContext context, string name, string contentType, TimeSpan maxAge)
    {
        context.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(WebChatAssets.Read(name), contentType);
    }

    private static async Task<Results<ProblemHttpResult, RedirectHttpResult, StatusCodeHttpResult, FileContentHttpResult>> BundleAsync(HttpContext context, WebChatBundle bundle, string? hash)
    {
        if (bundle.GetAsync() is not { } pending)
        {
            return TypedResults.Problem(
                "The Web Chat bundle is missing: build the project (it runs npm ci) or set WebChat:BundlePath.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var compressed = await pending;
        if (hash is not null && hash != compressed.Hash)
        {
            // An old page asking for a previous bundle: send it to the current one rather than caching a mismatch.
            return TypedResults.Redirect($"{BundlePathPrefix}{compressed.Hash}.js");
        }

        var headers = context.Response.Headers;
        var etag = $"\"{compressed.Hash}\"";
        headers.ETag = etag;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = hash is null ? "public, max-age=3600" : "public, max-age=31536000, immutable";
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = Accepts(accepted, "br") ? (compressed.Brotli, "br")
            : Accepts(accepted, "gzip") ? (compressed.Gzip, "gzip")
            : (compressed.Raw, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(body, "text/javascript; charset=utf-8");
    }

    private static bool Accepts(string acceptEncoding, string coding) =>
        acceptEncoding.Split(',').Select(part => part.Split(';')).Any(parts =>
            parts[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase)
            && !parts.Skip(1).Any(parameter => parameter.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"));

    /// <summary>Only plain hex colours reach the CSS, so a setting cannot inject styles.</summary>
    internal static string Color(string? value, string fallback) =>
        value is not null && HexColor().IsMatch(value) ? value : fallback;

    /// <summary>An avatar URL that is absolute http(s) or a path on the bot itself.</summary>
    private static string? SafeUrl(string? value) =>
        HttpAddress.IsLocalPath(value) || HttpAddress.IsAbsolute(value) ? value : null;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
