using System.Diagnostics;

namespace FaqBot.LoadTest;

/// <summary>
/// The Direct Line load run: a few warm-up conversations, then all conversations at once (at most
/// <see cref="LoadOptions.Parallelism"/> in flight), bounded by <see cref="LoadOptions.RunTimeout"/>, with the server's
/// resident memory read before and after.
/// </summary>
internal sealed class LoadRun(LoadOptions options, IReadOnlyList<string> questions)
{
    public async Task<LoadReport> RunAsync()
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = options.ReplyTimeout };
        // With a second replica each patient's requests and stream alternate between the two (see PatientConversation).
        DirectLineApi[] api = options.Replica is { } replica
            ? [new DirectLineApi(http, options.Server), new DirectLineApi(http, replica)]
            : [new DirectLineApi(http, options.Server)];
        using var deadline = new CancellationTokenSource(options.RunTimeout);

        var rssAtStart = ServerProcess.ResidentMegabytes(options.ServerPid);
        // Warm-up: JIT and first-use costs (index, rate-limiter partitions, sockets) out of the measured figures.
        var warmup = await RunConversationsAsync(api, options.WarmupConversations, Math.Min(3, options.MessagesPerConversation), firstNumber: -options.WarmupConversations, deadline.Token);
        var rssBefore = ServerProcess.ResidentMegabytes(options.ServerPid);

        var serverCpuBefore = ServerProcess.CpuSeconds(options.ServerPid);
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcomes = await RunConversationsAsync(api, options.Conversations, options.MessagesPerConversation, firstNumber: 0, deadline.Token);
        clock.Stop();
        var rssAfter = ServerProcess.ResidentMegabytes(options.ServerPid);
        // Client and server share the machine; their CPU times show which one the run was waiting for.
        var cpu = new CpuUse(ServerProcess.CpuSeconds(options.ServerPid) - serverCpuBefore, (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalSeconds);

        return new LoadReport(options, outcomes, warmup, clock.Elapsed, cpu, new MemoryUse(rssAtStart, rssBefore, rssAfter));
    }

    private async Task<IReadOnlyList<ConversationOutcome>> RunConversationsAsync(
        IReadOnlyList<DirectLineApi> api, int count, int messages, int firstNumber, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.Parallelism);
        var runs = Enumerable.Range(firstNumber, count).Select(async number =>
        {
            try
            {
                await slots.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return new ConversationOutcome(new DeliveryLedger(), "run timed out before it started");
            }

            try
            {
                return await new PatientConversation(api, questions, Math.Abs(number), options).RunAsync(messages, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        });
        return await Task.WhenAll(runs);
    }
}
