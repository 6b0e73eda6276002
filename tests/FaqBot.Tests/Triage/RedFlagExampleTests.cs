using FaqBot.Tests.Content;
using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

/// <summary>Every <c>example:</c> and <c>not:</c> line of the shipped <c>red-flags.txt</c>, one case each.</summary>
public sealed class RedFlagExampleTests
{
    private static readonly Lazy<RedFlagRuleSet> Rules = new(() => SafetyContent.Load(ContentTestFiles.ContentDirectory).Rules);

    public static TheoryData<int, string, string, bool> Examples()
    {
        var data = new TheoryData<int, string, string, bool>();
        foreach (var example in Rules.Value.Examples)
        {
            data.Add(example.Line, example.Kind, example.Message, example.MustFlag);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleBesideTheRulesHolds(int line, string kind, string message, bool mustFlag)
    {
        var kinds = new RedFlagDetector(Rules.Value).Detect(message).Kinds;

        Assert.True(kinds.Contains(kind) == mustFlag, $"red-flags.txt:{line}: {(mustFlag ? "not flagged" : "flagged")} as {kind}: {message}");
    }

    [Fact]
    public void EveryKindHasExamples()
    {
        var withExamples = Rules.Value.Examples.Where(e => e.MustFlag).Select(e => e.Kind).ToHashSet();

        Assert.All(Rules.Value.Kinds, kind => Assert.Contains(kind, withExamples));
    }
}
