using System.Diagnostics;
using System.Globalization;
using FaqBot.Hosting;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot train-triage DIR [--output FOLDER]</c>: trains the learned second opinion on every labelled message in DIR
/// (<c>*redflags*.tsv</c>, <c>*-qa*.tsv</c>) with the fixed seed, chooses its threshold inside those sets, and writes
/// the model to <c>safety/model/</c> of the content folder (or FOLDER). The same sets give the same model.
/// </summary>
internal static class TrainTriageCommand
{
    /// <summary>The options <c>train-triage</c> takes.</summary>
    public static readonly string[] Options = ["content", "output"];

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("train-triage needs the folder of labelled sets (*redflags*.tsv, *-qa*.tsv)");
        }

        var content = args.Value("content") ?? ContentLocation.Default;
        // The kinds are the rules' own: train only on complete safety content.
        var safety = FaqBotEngine.Load(content).RequireSafetyContent().Safety;
        var sets = LabelledSet.LoadFolder(args.Positional[0]);
        var messages = sets.SelectMany(s => s.Messages).ToList();
        if (!messages.Any(m => m.IsRedFlag) || messages.All(m => m.IsRedFlag))
        {
            throw new IOException($"{args.Positional[0]}: training needs red flags and ordinary messages (*redflags*.tsv, *-qa*.tsv)");
        }

        var clock = Stopwatch.StartNew();
        var choice = new ThresholdChoice();
        var model = LearnedTriageModel.Train(sets, new RedFlagDetector(safety.Rules), choice);
        var folder = args.Value("output") ?? LearnedTriageOption.ModelFolder(content);
        model.Save(folder,
        [
            $"Trained on {sets.Count} sets: {messages.Count} messages, {messages.Count(m => m.IsRedFlag)} red flags (seed {RedFlagClassifier.Seed}).",
            string.Create(CultureInfo.InvariantCulture,
                $"Threshold chosen inside the sets (3 groups, out-of-fold): most red flags with the classifier adding ≤ {choice.MaxAddedFalseAlarmRate:P0} false alarms on ordinary messages and ≤ {choice.MaxQuestionAlarmRate:P0} on QA questions."),
        ]);
        var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {folder}: threshold {model.Threshold:0.000}, {bytes / 1024.0 / 1024.0:0.0} MB, trained in {clock.Elapsed.TotalSeconds:0} s on {messages.Count} messages of {sets.Count} sets"));
        return 0;
    }
}
