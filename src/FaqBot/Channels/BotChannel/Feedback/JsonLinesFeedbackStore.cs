using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;

namespace FaqBot.Channels.BotChannel.Feedback;

/// <summary>Appends ratings to a JSON-lines file, one <see cref="FeedbackRecord"/> per line; never rewrites it.</summary>
public sealed class JsonLinesFeedbackStore(string path) : IFeedbackStore
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public async Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(record, BotJson.Options) + "\n";
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.AppendAllTextAsync(path, line, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        return lines
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<FeedbackRecord>(line, BotJson.Options)!)
            .ToArray();
    }
}
