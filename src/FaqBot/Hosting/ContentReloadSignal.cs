using System.Runtime.InteropServices;

namespace FaqBot.Hosting;

/// <summary>
/// Reloads the content when the process gets SIGHUP (<c>kill -HUP &lt;pid&gt;</c>), the Unix convention for "read your
/// files again": the engine is rebuilt beside the one serving and swapped in only when it loaded with complete safety
/// content (<see cref="LiveEngine"/>). Nothing is registered on Windows, which has no SIGHUP to send.
/// </summary>
internal sealed class ContentReloadSignal(IServiceProvider services, ILogger<ContentReloadSignal> logger) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            // Resolved here, after ContentLoading started: a content failure must surface there, not while the host
            // builds its hosted services.
            var engine = services.GetRequiredService<LiveEngine>();
            _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
            {
                // SIGHUP would end the process; here it means reload, off the signal thread.
                signal.Cancel = true;
                _ = Task.Run(() => Reload(engine));
            });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _registration?.Dispose();

    private void Reload(LiveEngine engine)
    {
        if (engine.Reload() is { } failure)
        {
            logger.LogError(failure, "Content reload failed; still serving the content loaded before");
            return;
        }

        var current = engine.Current;
        logger.LogInformation(
            "Content reloaded (generation {Generation}): {Passages} passages of {Articles} articles and {Rules} red-flag rules",
            engine.Generation,
            current.Knowledge.Content.Passages.Count,
            current.Knowledge.Content.Articles.Count,
            current.Safety.Rules.Rules.Count);
    }
}
