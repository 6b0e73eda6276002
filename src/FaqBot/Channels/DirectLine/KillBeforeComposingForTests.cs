using System.Diagnostics;
using System.Globalization;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// FOR TESTS ONLY: kills this process, as a crash would, just before it composes its Nth Direct Line turn (the patient's
/// message is stored and claimed, the reply is not), so a test can show another replica answers it. Off unless the
/// environment variable <see cref="Variable"/> is a positive number; no settings file or command line can turn it on,
/// and a process that has it on says so loudly at start.
/// </summary>
public sealed class KillBeforeComposingForTests
{
    public const string Variable = "FAQBOT_TESTING_KILL_PROCESS_BEFORE_COMPOSING_TURN";

    private readonly int _killAt;
    private int _turns;

    public KillBeforeComposingForTests(ILogger<KillBeforeComposingForTests> logger)
    {
        _killAt = int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (_killAt > 0)
        {
            logger.LogCritical("{Variable} is set: this process kills itself before composing turn {Turn}. Never set it outside tests", Variable, _killAt);
        }
    }

    /// <summary>Kills the process when this is the turn it was told to die before; otherwise nothing.</summary>
    public void BeforeComposing()
    {
        if (_killAt > 0 && Interlocked.Increment(ref _turns) == _killAt)
        {
            // SIGKILL, not a shutdown: nothing is flushed, released or finished, as when a replica's machine dies.
            Process.GetCurrentProcess().Kill();
        }
    }
}
