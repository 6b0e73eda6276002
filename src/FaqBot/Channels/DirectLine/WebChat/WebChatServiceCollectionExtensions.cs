using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace FaqBot.Channels.DirectLine.WebChat;

/// <summary>Registers the chat page: its settings, the bundle and response compression for the page's text assets.</summary>
public static class WebChatServiceCollectionExtensions
{
    public static IServiceCollection AddWebChatPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.SectionName));
        services.AddSingleton<WebChatBundle>();
        services.AddHostedService<WebChatBundleWarmUp>();
        services.AddResponseCompression(compression =>
        {
            // Only the page's own text: token and Direct Line JSON stay uncompressed, so secrets never share a
            // compressed stream with attacker-chosen text (BREACH).
            compression.EnableForHttps = true;
            compression.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript"];
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Optimal);
        return services;
    }
}
