using System.Globalization;

namespace FaqBot.LoadTest;

/// <summary>The server's resident memory and CPU time, read from <c>/proc/PID</c> (Linux).</summary>
internal static class ServerProcess
{
    /// <summary>Clock ticks per second of <c>/proc/PID/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS in MiB, or null without a PID or on a system without <c>/proc</c>.</summary>
    public static double? ResidentMegabytes(int? pid)
    {
        var line = Read(pid, "status")?.Split('\n').FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>User plus system CPU seconds the server has used so far, or null.</summary>
    public static double? CpuSeconds(int? pid)
    {
        // Fields after the command name (which may contain spaces, hence the last ')'): utime and stime are 14 and 15.
        var stat = Read(pid, "stat");
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static string? Read(int? pid, string file)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (IOException)
        {
            return null;
        }
    }
}
