using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine.WebChat;

/// <summary>
/// The Web Chat bundle from npm (<c>botframework-webchat/dist/webchat.js</c>, ~3.9 MB), compressed once with Brotli and
/// gzip (~0.9 MB) and served under a content-hashed URL, so phones download it once and cache it for a year.
/// </summary>
public sealed class WebChatBundle(IOptions<WebChatOptions> options, IWebHostEnvironment environment)
{
    /// <summary>Compressing 3.9 MB costs about a second; tests start many hosts in one process, so the result is shared.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<Compressed>>> Cache = new(StringComparer.Ordinal);

    /// <summary>The bundle's bytes in each encoding, and a hash of the original for URLs and ETags.</summary>
    public sealed record Compressed(byte[] Raw, byte[] Brotli, byte[] Gzip, string Hash);

    /// <summary>Where the bundle is: the setting, the copy the build put beside the binary, or npm's folder.</summary>
    public string? Path
    {
        get
        {
            string[] candidates =
            [
                options.Value.BundlePath ?? "",
                System.IO.Path.Combine(AppContext.BaseDirectory, "webchat", "webchat.js"),
                System.IO.Path.Combine(environment.ContentRootPath, "node_modules", "botframework-webchat", "dist", "webchat.js"),
            ];
            return candidates.FirstOrDefault(candidate => candidate.Length > 0 && File.Exists(candidate));
        }
    }

    /// <summary>The compressed bundle, or null when the build did not provide it.</summary>
    public Task<Compressed>? GetAsync()
    {
        if (Path is not { } path)
        {
            return null;
        }

        var key = $"{path}|{File.GetLastWriteTimeUtc(path).Ticks}";
        return Cache.GetOrAdd(key, _ => new Lazy<Task<Compressed>>(() => Task.Run(() => Compress(path)))).Value;
    }

    private static Compressed Compress(string path)
    {
        var raw = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(raw))[..16];

        // Quality 9 gets within a few percent of 11 at a fraction of the time.
        var brotli = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, brotli, out var brotliLength, quality: 9, window: 22))
        {
            throw new InvalidOperationException("Brotli compression of the Web Chat bundle failed.");
        }

        using var gzip = new MemoryStream();
        using (var stream = new GZipStream(gzip, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            stream.Write(raw);
        }

        return new Compressed(raw, brotli[..brotliLength], gzip.ToArray(), hash);
    }
}
