namespace FaqBot.Hosting;

/// <summary>Waiting for the server to listen before doing background work that would compete with its start.</summary>
internal static class ApplicationStartedExtensions
{
    /// <summary>Completes when the application has started (true) or is stopping first (false).</summary>
    public static async Task<bool> StartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task;
        }

        return !stoppingToken.IsCancellationRequested;
    }
}
