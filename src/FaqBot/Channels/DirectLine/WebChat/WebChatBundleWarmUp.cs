namespace FaqBot.Channels.DirectLine.WebChat;

/// <summary>Compresses the bundle once the server has started, rather than on the first patient's request.</summary>
internal sealed class WebChatBundleWarmUp(WebChatBundle bundle, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = bundle.GetAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
