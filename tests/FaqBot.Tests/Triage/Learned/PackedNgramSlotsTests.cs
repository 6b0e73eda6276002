using FaqBot.Triage.Learned;

namespace FaqBot.Tests.Triage.Learned;

public sealed class PackedNgramSlotsTests
{
    [Fact]
    public void TryGetValueFindsEveryKeyAndNoOther()
    {
        // Keys that share their low bits, as packed n-grams ending in the same character do.
        var slots = Enumerable.Range(1, 5_000).ToDictionary(i => ((ulong)i << 16) | 'e', i => i - 1);
        var table = new PackedNgramSlots(slots);

        Assert.All(slots, pair => Assert.True(table.TryGetValue(pair.Key, out var slot) && slot == pair.Value));
        Assert.All(Enumerable.Range(5_001, 5_000), i => Assert.False(table.TryGetValue(((ulong)i << 16) | 'e', out _)));
        Assert.False(table.TryGetValue('x', out _));
    }

    [Fact]
    public void ConstructorZeroKeyIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PackedNgramSlots(new Dictionary<ulong, int> { [0] = 1 }));

    [Fact]
    public void TryGetValueEmptyTableFindsNothing() => Assert.False(new PackedNgramSlots(new Dictionary<ulong, int>()).TryGetValue(42, out _));
}
