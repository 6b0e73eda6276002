using System.Globalization;
using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Hosting;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot eval-redflags FILE.tsv [--min-recall X] [--max-false-alarms Y]</c>: recall, false-alarm rate and every
/// miss and false alarm of the red-flag detector; exit 1 when a given limit is not met. The file holds test
/// messages written for evaluation, never real patient messages. With <c>--screening</c>, also which rows the full
/// reply would follow with a screening question, and about which kind. The learned second opinion (<c>--learned
/// on|off</c>) is consulted on the rows the rules leave unflagged, as in a reply; the rows it adds are listed.
/// </summary>
internal static class EvalRedFlagsCommand
{
    /// <summary>The options <c>eval-redflags</c> takes.</summary>
    public static readonly string[] Options = ["content", "min-recall", "max-false-alarms", "screening", LearnedTriageOption.Name];

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("eval-redflags needs one TSV file: message<TAB>REDFLAG|OK<TAB>note");
        }

        var directory = args.Value("content") ?? ContentLocation.Default;
        var safety = FaqBotEngine.Load(directory).Safety;
        foreach (var problem in safety.Problems)
        {
            error.WriteLine($"warning: {problem}");
        }

        var rulesAlone = RedFlagEvaluation.Run(new RedFlagDetector(safety.Rules), args.Positional[0]);
        var learned = LearnedTriageOption.Load(args, directory, error);
        var evaluation = new RedFlagEvaluation([.. rulesAlone.Cases.Select(c =>
            !c.Detected && learned.Consult(c.Message) is { } kind ? c with { DetectedKinds = [kind] } : c)]);
        foreach (var miss in evaluation.Misses)
        {
            output.WriteLine($"MISS         {miss.Note}\n             {miss.Message}");
        }

        foreach (var alarm in evaluation.FalseAlarms.Where(c => c.FiredRules.Count > 0))
        {
            output.WriteLine($"FALSE ALARM  [{string.Join(',', alarm.DetectedKinds)}] {alarm.Note}\n             {alarm.Message}\n             rules: {string.Join(", ", alarm.FiredRules.Select(r => r[(r.LastIndexOf(':') + 1)..]))}");
        }

        // Flagged, but by no rule: the second opinion's additions.
        var added = evaluation.Cases.Where(c => c.Detected && c.FiredRules.Count == 0).ToList();
        foreach (var row in added)
        {
            output.WriteLine($"LEARNED      [{row.DetectedKinds[0]}] {(row.ExpectedRedFlag ? "REDFLAG" : "OK")} {row.Note}\n             {row.Message}");
        }

        var positives = evaluation.Cases.Count(c => c.ExpectedRedFlag);
        var negatives = evaluation.Cases.Count - positives;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall {evaluation.Recall:P1} ({positives - evaluation.Misses.Count}/{positives}), false alarms {evaluation.FalseAlarmRate:P1} ({evaluation.FalseAlarms.Count}/{negatives})"));
        if (learned.State is LearnedTriageState.Ready)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rules alone: recall {rulesAlone.Recall:P1}, false alarms {rulesAlone.FalseAlarmRate:P1}; the learned second opinion adds {added.Count(c => c.ExpectedRedFlag)} red flag(s), {added.Count(c => !c.ExpectedRedFlag)} false alarm(s)"));
        }
        if (args.Has("screening"))
        {
            PrintScreening(evaluation, FaqBotEngine.Load(directory, new EngineOptions { SecondOpinion = learned }).Composer, output);
        }

        var ok = true;
        if (args.Value("min-recall") is { } minRecall && evaluation.Recall < ParseShare(minRecall, "min-recall"))
        {
            error.WriteLine($"recall below --min-recall {minRecall}");
            ok = false;
        }

        if (args.Value("max-false-alarms") is { } maxAlarms && evaluation.FalseAlarmRate > ParseShare(maxAlarms, "max-false-alarms"))
        {
            error.WriteLine($"false-alarm rate above --max-false-alarms {maxAlarms}");
            ok = false;
        }

        return ok ? 0 : 1;
    }

    /// <summary>The screening question each miss would get, and how many misses and unflagged OK rows get one.</summary>
    private static void PrintScreening(RedFlagEvaluation evaluation, ReplyComposer composer, TextWriter output)
    {
        var screenedMisses = 0;
        foreach (var miss in evaluation.Misses)
        {
            var kind = composer.Compose(miss.Message).Screening?.Kind;
            screenedMisses += kind is null ? 0 : 1;
            output.WriteLine($"SCREENING    [{kind ?? "none"}] {miss.Note}");
        }

        var okRows = evaluation.Cases.Where(c => !c.ExpectedRedFlag && !c.Detected).ToList();
        var askedOk = okRows.Count(row => composer.Compose(row.Message).Screening is not null);
        output.WriteLine($"screening question on {screenedMisses}/{evaluation.Misses.Count} misses, {askedOk}/{okRows.Count} unflagged OK rows");
    }

    /// <summary>"0.9", "90%" or "90" → 0.9.</summary>
    private static double ParseShare(string text, string option)
    {
        var percent = text.EndsWith('%');
        if (!double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"--{option} needs a number such as 0.9 or 90%");
        }

        return percent || value > 1 ? value / 100 : value;
    }
}
