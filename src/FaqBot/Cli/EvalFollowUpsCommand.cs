using System.Globalization;
using FaqBot.Evaluation;
using FaqBot.Hosting;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot eval-followups FILE.tsv</c>: scores two-turn exchanges (first<TAB>followup<TAB>expected) through the
/// reply pipeline: each follow-up read after its first turn's answer, and alone for comparison. <c>--min X</c> fails
/// (exit 1) below X; <c>--rows</c> prints every exchange's passages.
/// </summary>
internal static class EvalFollowUpsCommand
{
    /// <summary>The options <c>eval-followups</c> takes.</summary>
    public static readonly string[] Options = ["content", "min", "rows"];

    public static int Run(CliArguments args, TextWriter output)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("eval-followups needs one file (first<TAB>followup<TAB>expected ids or NONE)");
        }

        var cases = FollowUpFile.Read(args.Positional[0]);
        var composer = FaqBotEngine.Load(args.Value("content") ?? ContentLocation.Default).RequireSafetyContent().Composer;
        var outcomes = FollowUpEvaluator.Evaluate(composer, cases);
        var withTopic = FollowUpEvaluator.Accuracy(outcomes, o => o.Correct);
        var alone = FollowUpEvaluator.Accuracy(outcomes, o => o.CorrectAlone);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{args.Positional[0]}: {outcomes.Count} exchanges; follow-up after its first turn {withTopic:0.000} ({outcomes.Count(o => o.Correct)}), read alone {alone:0.000} ({outcomes.Count(o => o.CorrectAlone)}); first turns answered {outcomes.Count(o => o.Topic is not null)}"));
        if (args.Has("rows"))
        {
            foreach (var o in outcomes)
            {
                output.WriteLine($"    {o.Case.Line,3} {(o.Correct ? "ok" : "XX")} {o.WithTopic ?? "NONE"} (alone {(o.CorrectAlone ? "ok" : "XX")} {o.Alone ?? "NONE"}) after {o.Topic ?? "NONE"}");
            }
        }

        if (args.Value("min") is { } min)
        {
            var floor = double.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new CliUsageException($"--min needs a number such as 0.80, not '{min}'");
            if (withTopic < floor)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAIL: {withTopic:0.000} < {floor}"));
                return 1;
            }
        }

        return 0;
    }
}
