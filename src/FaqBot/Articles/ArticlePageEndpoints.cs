using System.Collections.Concurrent;
using System.Net;
using FaqBot.Channels.DirectLine.WebChat;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.Articles;

/// <summary>
/// The clinic's articles as pages of the bot itself, <c>/artikler/{articleId}</c>, in the chat page's look: where the
/// answers' "read more" links point unless <c>Reply:ArticleBaseUrl</c> names another site.
/// </summary>
public static class ArticlePageEndpoints
{
    /// <summary>The pages' path; <see cref="Conversation.ReplyOptions.DefaultArticleBaseUrl"/> links here.</summary>
    public const string RoutePrefix = "/artikler";

    private static readonly ConcurrentDictionary<string, string> Templates = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapArticlePages(this IEndpointRouteBuilder app)
    {
        app.MapMethods(RoutePrefix + "/{articleId}", [HttpMethods.Get, HttpMethods.Head], Page).WithTags("Articles");
        return app;
    }

    private static Results<ContentHttpResult, NotFound<string>> Page(HttpContext context, string articleId, LiveEngine engine, IOptions<WebChatOptions> webChat)
    {
        // The engine in service now: a content reload shows the edited article at once.
        var article = engine.Current.Knowledge.Content.Articles.FirstOrDefault(a => a.Id == articleId);
        if (article is null)
        {
            return TypedResults.NotFound("Artiklen findes ikke.");
        }

        var options = webChat.Value;
        var html = Template()
            .Replace("{{title}}", WebUtility.HtmlEncode(article.Title), StringComparison.Ordinal)
            .Replace("{{clinicName}}", WebUtility.HtmlEncode(options.ClinicName), StringComparison.Ordinal)
            .Replace("{{accent}}", WebChatEndpoints.Color(options.AccentColor, "#00635a"), StringComparison.Ordinal)
            .Replace("{{header}}", WebChatEndpoints.Color(options.HeaderColor, "#00635a"), StringComparison.Ordinal)
            .Replace("{{headerText}}", WebChatEndpoints.Color(options.HeaderTextColor, "#ffffff"), StringComparison.Ordinal)
            .Replace("{{body}}", ArticleHtml.Render(article), StringComparison.Ordinal);

        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // No script at all; the inline style holds the clinic's colours, as on the chat page.
        headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static string Template() => Templates.GetOrAdd("article.html", name =>
    {
        using var stream = typeof(ArticlePageEndpoints).Assembly.GetManifestResourceStream($"FaqBot.Articles.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
