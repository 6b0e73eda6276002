using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Hosting;

/// <summary>
/// Registers the domain: the knowledge base, the safety and conversation content loaded from the content folder, and
/// the reply composer over them. <see cref="ContentLoading"/> loads all of it while the server starts.
/// </summary>
internal static class FaqBotDomainServices
{
    /// <summary>The setting that names the content folder (default: the content shipped beside the binary).</summary>
    public const string ContentPathSetting = "Content:Path";

    /// <summary>The setting for where the articles are published, for "read more" links and citations.</summary>
    public const string ArticleBaseUrlSetting = "Reply:ArticleBaseUrl";

    /// <summary>The bot's public address behind a reverse proxy (the Direct Line setting), for absolute links to its article pages.</summary>
    public const string PublicBaseUrlSetting = "DirectLine:PublicBaseUrl";

    /// <summary>The clinic's Danish region, for the out-of-hours number in the urgent advice.</summary>
    public const string RegionSetting = "Safety:Region";

    /// <summary>An out-of-hours number that overrides the region's.</summary>
    public const string OutOfHoursNumberSetting = "Safety:OutOfHoursNumber";

    /// <summary>Whether the learned second opinion on red flags is consulted (<c>true</c>/<c>false</c>).</summary>
    public const string LearnedTriageSetting = "Triage:LearnedSecondOpinion";

    public static IServiceCollection AddFaqBotDomain(this IServiceCollection services)
    {
        // Settings are read when the services are built (not now), so a test host's or environment's values count.
        services.AddSingleton(provider => new ContentFolder(
            provider.GetRequiredService<IConfiguration>()[ContentPathSetting] is { Length: > 0 } configured ? configured : ContentLocation.Default));
        // The one composition root, as for every CLI command, kept live: rebuilt from the folder and swapped in on a
        // reload (ContentReloadSignal). Missing safety content stops the start: without the red-flag rules, the urgent
        // advice or the safety note the bot must not answer at all.
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FaqBotDomainServices).FullName!);
            var options = new EngineOptions
            {
                Reply = provider.GetRequiredService<ReplyOptions>(),
                SecondOpinion = provider.GetRequiredService<LearnedSecondOpinion>(),
            };
            if (!options.Reply.ArticleBaseUrl.Contains("://", StringComparison.Ordinal)
                && provider.GetRequiredService<IConfiguration>()["MicrosoftAppId"] is { Length: > 0 })
            {
                // A registered bot serves Teams and other channels, where a path on the bot's host leads nowhere.
                logger.LogWarning(
                    "Answers link to the articles by the path {ArticleBaseUrl}, which Teams and other channels cannot open; set {PublicBaseUrl} (or {ArticleBaseUrlSetting})",
                    options.Reply.ArticleBaseUrl, PublicBaseUrlSetting, ArticleBaseUrlSetting);
            }

            return new LiveEngine(() => FaqBotEngine.Load(Folder(provider), options), engine => ReportToLog(engine, logger));
        });
        services.AddSingleton<IReplyComposer>(provider => new LiveReplyComposer(provider.GetRequiredService<LiveEngine>()));
        services.AddSingleton(provider => ReplyOptionsFrom(provider.GetRequiredService<IConfiguration>()));
        // Loaded in the background by LearnedTriageLoading; until then (or when missing or broken) the rules alone decide.
        services.AddSingleton(provider => LearnedTriageEnabled(provider.GetRequiredService<IConfiguration>())
            ? LearnedSecondOpinion.From(Path.Combine(Folder(provider), SafetyContent.Folder, LearnedTriageModel.Folder))
            : LearnedSecondOpinion.Off());
        services.AddHostedService<ContentLoading>();
        services.AddHostedService<ContentReloadSignal>();
        services.AddHostedService<ContentPreparation>();
        services.AddHostedService<LearnedTriageLoading>();
        return services;
    }

    private static string Folder(IServiceProvider provider) => provider.GetRequiredService<ContentFolder>().Path;

    /// <summary>Logs a newly loaded engine's content problems and hooks its triage failures to the log.</summary>
    private static void ReportToLog(FaqBotEngine engine, ILogger logger)
    {
        // A broken article is reported and left out; the others still serve.
        foreach (var problem in engine.Knowledge.Problems.Concat(engine.Conversation.Problems.Select(p => p.ToString())))
        {
            logger.LogWarning("Content problem: {Problem}", problem);
        }

        engine.Composer.TriageFailed += exception =>
            logger.LogError(exception, "Red-flag triage failed; the patient got the generic urgent guidance instead");
    }

    /// <summary>
    /// The reply settings; an article URL that is not absolute http(s), an unknown region, a malformed out-of-hours
    /// number or clinic contact stops the start-up. Without an article URL the answers link to the bot's own article
    /// pages: absolute under <see cref="PublicBaseUrlSetting"/> when set (Teams and other channels need that), else as
    /// a path on the host, which the chat page (and the embedded chat, a frame of it) resolves.
    /// </summary>
    private static ReplyOptions ReplyOptionsFrom(IConfiguration configuration)
    {
        var urgent = UrgentContactsFrom(configuration);
        var clinic = ClinicContactSettings.From(configuration);
        if (configuration[ArticleBaseUrlSetting] is not { Length: > 0 } baseUrl)
        {
            var ownPages = HttpAddress.TryAbsolute(configuration[PublicBaseUrlSetting], out var publicUri)
                ? publicUri.AbsoluteUri.TrimEnd('/') + ReplyOptions.DefaultArticleBaseUrl
                : ReplyOptions.DefaultArticleBaseUrl;
            return new ReplyOptions(ArticleBaseUrl: ownPages) { Urgent = urgent, Clinic = clinic };
        }

        return HttpAddress.IsAbsolute(baseUrl)
            ? new ReplyOptions(ArticleBaseUrl: baseUrl.TrimEnd('/')) { Urgent = urgent, Clinic = clinic }
            : throw new InvalidSettingException($"{ArticleBaseUrlSetting} must be an absolute http(s) URL, not '{baseUrl}'.");
    }

    private static bool LearnedTriageEnabled(IConfiguration configuration) =>
        configuration[LearnedTriageSetting] is not { Length: > 0 } value ? LearnedSecondOpinion.OnByDefault
            : bool.TryParse(value, out var enabled) ? enabled
            : throw new InvalidSettingException($"{LearnedTriageSetting} must be true or false, not '{value}'.");

    /// <summary>The out-of-hours number: <see cref="OutOfHoursNumberSetting"/>, else the region's, else none (a wrong number is worse).</summary>
    private static UrgentContacts UrgentContactsFrom(IConfiguration configuration)
    {
        var region = configuration[RegionSetting] is { Length: > 0 } named
            ? UrgentContacts.ForRegion(named) ?? throw new InvalidSettingException(
                $"{RegionSetting} must be one of {string.Join(", ", UrgentContacts.Regions.Keys)}, not '{named}'.")
            : null;
        if (configuration[OutOfHoursNumberSetting] is { Length: > 0 } number)
        {
            return UrgentContacts.ForNumber(number) ?? throw new InvalidSettingException(
                $"{OutOfHoursNumberSetting} must be a phone number (digits and spaces, e.g. '70 11 31 31'), not '{number}'.");
        }

        return region ?? UrgentContacts.Default;
    }
}

/// <summary>The content folder the server reads.</summary>
internal sealed record ContentFolder(string Path);

/// <summary>A setting that makes the server unusable; reported at start-up, which then fails.</summary>
internal sealed class InvalidSettingException(string message) : Exception(message);
