using System.Collections.Concurrent;

namespace FaqBot.Channels.DirectLine.WebChat;

/// <summary>The page template, its script and style, and the embed script, embedded in the binary so they always ship.</summary>
internal static class WebChatAssets
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static string Read(string fileName) => Texts.GetOrAdd(fileName, name =>
    {
        using var stream = typeof(WebChatAssets).Assembly.GetManifestResourceStream($"FaqBot.Channels.DirectLine.WebChat.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
