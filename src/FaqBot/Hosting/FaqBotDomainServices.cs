using FaqBot.Answering;
using FaqBot.Cli;
using FaqBot.Conversation;

namespace FaqBot.Hosting;

/// <summary>Registers the domain: the knowledge base loaded from the content folder, and the reply composer.</summary>
internal static class FaqBotDomainServices
{
    /// <summary>The setting that names the content folder (default: the content shipped beside the binary).</summary>
    public const string ContentPathSetting = "Content:Path";

    public static IServiceCollection AddFaqBotDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider =>
        {
            var path = configuration[ContentPathSetting] is { Length: > 0 } configured ? configured : ContentLocation.Default;
            var knowledge = KnowledgeBase.Load(path);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FaqBotDomainServices).FullName!);
            foreach (var problem in knowledge.Problems)
            {
                logger.LogWarning("Content problem: {Problem}", problem);
            }

            logger.LogInformation("Loaded {Passages} passages from {Path}", knowledge.Content.Passages.Count, path);
            return knowledge;
        });
        services.AddSingleton<IReplyComposer>(provider => new ReplyComposer(provider.GetRequiredService<KnowledgeBase>().Answerer));
        return services;
    }
}
