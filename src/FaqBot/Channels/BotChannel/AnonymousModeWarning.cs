using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel;

/// <summary>Says loudly at start-up when the bot runs without an app id, i.e. accepts unauthenticated requests.</summary>
internal sealed class AnonymousModeWarning(IOptions<BotChannelOptions> options, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RequiresAuthentication && options.Value.AllowAnonymous == true)
        {
            logger.LogWarning(
                "MicrosoftAppId is not set: /api/messages accepts anonymous requests (local development with the Emulator), " +
                "{PerMinute} a minute per client address. Replies go only to a loopback serviceUrl or back with deliveryMode expectReplies.",
                options.Value.AnonymousRequestsPerMinute);
        }
        else if (!options.Value.RequiresAuthentication)
        {
            logger.LogInformation("MicrosoftAppId is not set: /api/messages is closed; the web chat (Direct Line) serves patients.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
