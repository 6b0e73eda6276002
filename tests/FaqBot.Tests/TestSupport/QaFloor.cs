using FaqBot.Evaluation;

namespace FaqBot.Tests.TestSupport;

/// <summary>The floors a QA set's regression test holds it to, each named in the failure.</summary>
internal static class QaFloor
{
    public static void Holds(QaReport report, double answered, double declined, double overall)
    {
        Assert.True(report.InScopeTop1 >= answered, $"answered top-1 {report.InScopeTop1:0.000}");
        Assert.True(report.NoneDeclined >= declined, $"NONE declined {report.NoneDeclined:0.000}");
        Assert.True(report.Overall >= overall, $"overall {report.Overall:0.000}");
    }
}
