using Microsoft.Extensions.Options;

namespace FaqBot.Channels.Activities.Queue;

/// <summary>
/// Runs every channel's turns in the background, one conversation at a time in arrival order, so replies never overtake
/// each other while different conversations proceed in parallel. On shutdown it waits for work already queued. The queue
/// is bounded per conversation and in total, so a Connector that never answers cannot pile up work and connections.
/// </summary>
public sealed class ConversationQueue(IOptions<TurnOptions> options, ILogger<ConversationQueue> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queued = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _queuedTotal;

    /// <summary>
    /// Queues <paramref name="work"/> behind earlier work for the same <paramref name="conversationKey"/>; false (and
    /// nothing queued) when that conversation or the whole outbox already holds as much as the settings allow.
    /// </summary>
    public bool TryEnqueue(string conversationKey, Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            var queued = _queued.GetValueOrDefault(conversationKey);
            if (queued >= options.Value.MaxQueuedRepliesPerConversation || _queuedTotal >= options.Value.MaxQueuedReplies)
            {
                return false;
            }

            _queued[conversationKey] = queued + 1;
            _queuedTotal++;
            var previous = _tails.GetValueOrDefault(conversationKey) ?? Task.CompletedTask;
            var next = RunAfterAsync(conversationKey, previous, work);
            _tails[conversationKey] = next;
            _ = next.ContinueWith(
                completed => Forget(conversationKey, completed),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return true;
        }
    }

    /// <summary>Completes when everything queued so far has run.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_tails.Values.ToArray());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout has passed: abandon what is left.
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAfterAsync(string conversationKey, Task previous, Func<CancellationToken, Task> work)
    {
        // Yield first so the work never runs inside TryEnqueue's lock or on the request thread.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await work(_stopping.Token);
        }
        catch (Exception exception)
        {
            // One failed turn or delivery must not block the conversation's later replies or crash the host.
            logger.LogError(exception, "A queued turn failed");
        }
        finally
        {
            Dequeued(conversationKey);
        }
    }

    private void Dequeued(string conversationKey)
    {
        lock (_gate)
        {
            _queuedTotal--;
            if (_queued.TryGetValue(conversationKey, out var queued) && queued > 1)
            {
                _queued[conversationKey] = queued - 1;
            }
            else
            {
                _queued.Remove(conversationKey);
            }
        }
    }

    private void Forget(string conversationKey, Task completed)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(conversationKey, out var tail) && tail == completed)
            {
                _tails.Remove(conversationKey);
            }
        }
    }
}
