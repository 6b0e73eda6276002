using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// A configuration source that holds no values but records every key the app looks up (and every section whose
/// children it lists). Added last, it is asked first, so it sees every read: the settings the app really has, derived
/// from the code rather than from a list kept beside it.
/// </summary>
public sealed class RecordingConfigurationSource : IConfigurationSource
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys read so far (<c>DirectLine:AllowedOrigins</c>, <c>MicrosoftAppId</c> …), case-insensitive.</summary>
    public IReadOnlySet<string> Keys => new HashSet<string>(_keys.Keys, StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(_keys);

    private sealed class Provider(ConcurrentDictionary<string, byte> keys) : ConfigurationProvider
    {
        public override bool TryGet(string key, out string? value)
        {
            keys.TryAdd(key, 0);
            value = null;
            return false;
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
            {
                keys.TryAdd(parentPath, 0);
            }

            return earlierKeys;
        }
    }
}
