namespace FaqBot.Tests.TestSupport;

/// <summary>A clock a test moves on by hand (expiry without waiting); timers and timestamps stay the system's.</summary>
public sealed class AdjustableTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
