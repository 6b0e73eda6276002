namespace FaqBot.Tests.TestSupport;

/// <summary>A clock a test sets or moves on by hand (expiry without waiting); timers stay the system's.</summary>
public sealed class AdjustableTimeProvider(DateTimeOffset start) : TimeProvider
{
    public AdjustableTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The time the clock shows.</summary>
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
