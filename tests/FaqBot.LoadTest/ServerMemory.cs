using System.Globalization;

namespace FaqBot.LoadTest;

/// <summary>The server's resident memory, read from <c>/proc/PID/status</c> (Linux).</summary>
internal static class ServerMemory
{
    /// <summary>VmRSS in MiB, or null without a PID or on a system without <c>/proc</c>.</summary>
    public static double? ResidentMegabytes(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
