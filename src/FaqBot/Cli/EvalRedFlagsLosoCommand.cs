using System.Globalization;
using FaqBot.Hosting;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot eval-redflags-loso DIR</c>: leave-one-set-out over the labelled sets in DIR (<c>*redflags*.tsv</c>,
/// <c>*-qa*.tsv</c>): per held-out red-flag set, recall and false alarms of the rules alone and of rules OR the learned
/// classifier (threshold chosen inside the training sets), the QA questions the classifier would flag, then mean and
/// worst. Prints figures only, never a message.
/// </summary>
internal static class EvalRedFlagsLosoCommand
{
    /// <summary>The options <c>eval-redflags-loso</c> takes.</summary>
    public static readonly string[] Options = ["content"];

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("eval-redflags-loso needs the folder of labelled sets (*redflags*.tsv, *-qa*.tsv)");
        }

        var safety = FaqBotEngine.Load(args.Value("content") ?? ContentLocation.Default).Safety;
        foreach (var problem in safety.Problems)
        {
            error.WriteLine($"warning: {problem}");
        }

        var sets = LabelledSet.LoadFolder(args.Positional[0]);
        if (sets.Count(s => !s.IsQuestionSet) < 2)
        {
            throw new IOException($"leave-one-set-out needs at least two *redflags*.tsv in {args.Positional[0]}");
        }

        var folds = LeaveOneSetOutEvaluation.Run(sets, new RedFlagDetector(safety.Rules), new ThresholdChoice(), name => error.WriteLine($"fold {name}"));
        output.WriteLine("held-out set            threshold  rules recall  rules FA  +clf recall  +clf FA  QA set        QA alarms");
        foreach (var fold in folds)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{fold.RedFlagSet,-22}  {fold.Threshold,9:0.000}  {fold.RulesOnly.Recall,12:P1}  {fold.RulesOnly.FalseAlarmRate,8:P1}  {fold.WithClassifier.Recall,11:P1}  {fold.WithClassifier.FalseAlarmRate,7:P1}  {fold.QuestionSet ?? "-",-12}  {fold.QuestionAlarms}/{fold.Questions}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean recall: rules {folds.Average(f => f.RulesOnly.Recall):P1}, +classifier {folds.Average(f => f.WithClassifier.Recall):P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worst recall: rules {folds.Min(f => f.RulesOnly.Recall):P1}, +classifier {folds.Min(f => f.WithClassifier.Recall):P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean false alarms: rules {folds.Average(f => f.RulesOnly.FalseAlarmRate):P1}, +classifier {folds.Average(f => f.WithClassifier.FalseAlarmRate):P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worst false alarms: rules {folds.Max(f => f.RulesOnly.FalseAlarmRate):P1}, +classifier {folds.Max(f => f.WithClassifier.FalseAlarmRate):P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"QA questions the classifier flags: {folds.Sum(f => f.QuestionAlarms)}/{folds.Sum(f => f.Questions)} (each QA set held out in several folds)"));
        return 0;
    }
}
