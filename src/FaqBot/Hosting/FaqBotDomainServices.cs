using FaqBot.Answering;
using FaqBot.Conversation;

namespace FaqBot.Hosting;

/// <summary>Registers the domain: the knowledge base loaded from the content folder, and the reply composer.</summary>
internal static class FaqBotDomainServices
{
    /// <summary>The setting that names the content folder (default: the content shipped beside the binary).</summary>
    public const string ContentPathSetting = "Content:Path";

    /// <summary>The setting for where the articles are published, for "read more" links and citations.</summary>
    public const string ArticleBaseUrlSetting = "Reply:ArticleBaseUrl";

    public static IServiceCollection AddFaqBotDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[ContentPathSetting] is { Length: > 0 } configured ? configured : ContentLocation.Default;
        services.AddSingleton(provider =>
        {
            var knowledge = KnowledgeBase.Load(path);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FaqBotDomainServices).FullName!);
            foreach (var problem in knowledge.Problems)
            {
                logger.LogWarning("Content problem: {Problem}", problem);
            }

            logger.LogInformation("Loaded {Passages} passages from {Path}", knowledge.Content.Passages.Count, path);
            return knowledge;
        });
        services.AddSingleton<IReplyComposer>(provider =>
        {
            var options = configuration[ArticleBaseUrlSetting] is { Length: > 0 } baseUrl
                ? new ReplyOptions(ArticleBaseUrl: baseUrl.TrimEnd('/'))
                : new ReplyOptions();
            var composer = ReplyComposer.Create(provider.GetRequiredService<KnowledgeBase>(), path, options);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FaqBotDomainServices).FullName!);
            foreach (var problem in composer.Problems)
            {
                logger.LogWarning("Safety or conversation content problem: {Problem}", problem);
            }

            composer.TriageFailed += exception =>
                logger.LogError(exception, "Red-flag triage failed; the patient got the generic urgent guidance instead");

            return composer;
        });
        return services;
    }
}
