using System.Globalization;

namespace FaqBot.Triage.Learned;

/// <summary>
/// The learned second opinion as shipped in <c>content/safety/model/</c>: the red-flag classifier, the kind classifier and
/// the threshold, written by <c>faqbot train-triage</c> from every labelled message and rebuilt the same from the same
/// sets (fixed seed, one thread).
/// </summary>
public sealed record LearnedTriageModel(RedFlagClassifier Detector, RedFlagKindClassifier Kinds, double Threshold)
{
    /// <summary>The model folder within the safety folder.</summary>
    public const string Folder = "model";

    /// <summary>The red-flag classifier's file.</summary>
    public const string DetectorFile = "red-flag-classifier.zip";

    /// <summary>The kind classifier's file.</summary>
    public const string KindsFile = "red-flag-kinds.zip";

    /// <summary>The threshold's file, plain text.</summary>
    public const string ThresholdFile = "threshold.txt";

    private const string ThresholdKey = "threshold:";

    /// <summary>
    /// Trains on every message of <paramref name="sets"/>; the threshold is chosen by <paramref name="choice"/> on the same
    /// sets (out-of-fold inside them), the kinds are the ones <paramref name="rules"/> give the red flags they find.
    /// </summary>
    public static LearnedTriageModel Train(IReadOnlyList<LabelledSet> sets, RedFlagDetector rules, ThresholdChoice choice)
    {
        var messages = sets.SelectMany(s => s.Messages).ToList();
        var detections = messages.Select(m => m.Text).Distinct().ToDictionary(text => text, text => rules.Detect(text));
        var rulesFlag = detections.ToDictionary(d => d.Key, d => d.Value.IsRedFlag);
        var threshold = choice.Choose(sets, rulesFlag);
        var detector = RedFlagClassifier.Train(messages);
        var kinds = RedFlagKindClassifier.Train(messages
            .Where(m => m.IsRedFlag && detections[m.Text].IsRedFlag)
            .Select(m => (m.Text, detections[m.Text].Kinds[0])));
        return new LearnedTriageModel(detector, kinds, threshold);
    }

    /// <summary>Whether <paramref name="folder"/> holds any of the model's files.</summary>
    public static bool ExistsIn(string folder) =>
        new[] { DetectorFile, KindsFile, ThresholdFile }.Any(file => File.Exists(Path.Combine(folder, file)));

    /// <summary>Reads the model from <paramref name="folder"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="Exception">A file is broken (ML.NET throws various exceptions for a damaged model).</exception>
    public static LearnedTriageModel Load(string folder)
    {
        using var detectorStream = File.OpenRead(Path.Combine(folder, DetectorFile));
        var detector = RedFlagClassifier.Load(detectorStream);
        using var kindsStream = File.OpenRead(Path.Combine(folder, KindsFile));
        var kinds = RedFlagKindClassifier.Load(kindsStream);
        var thresholdPath = Path.Combine(folder, ThresholdFile);
        var line = File.ReadLines(thresholdPath).FirstOrDefault(l => l.StartsWith(ThresholdKey, StringComparison.Ordinal));
        if (line is null || !double.TryParse(line[ThresholdKey.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
            || threshold <= 0 || double.IsNaN(threshold))
        {
            throw new FormatException($"{thresholdPath}: expected a line '{ThresholdKey} 0.9'");
        }

        return new LearnedTriageModel(detector, kinds, threshold);
    }

    /// <summary>Writes the three files into <paramref name="folder"/> (created if needed); <paramref name="summary"/> goes into the threshold file as comments.</summary>
    public void Save(string folder, IEnumerable<string> summary)
    {
        Directory.CreateDirectory(folder);
        using (var stream = File.Create(Path.Combine(folder, DetectorFile)))
        {
            Detector.Save(stream);
        }

        using (var stream = File.Create(Path.Combine(folder, KindsFile)))
        {
            Kinds.Save(stream);
        }

        File.WriteAllLines(Path.Combine(folder, ThresholdFile),
        [
            "# Written by `faqbot train-triage`; do not edit: retrain instead.",
            .. summary.Select(line => $"# {line}"),
            string.Create(CultureInfo.InvariantCulture, $"{ThresholdKey} {Threshold:0.000}"),
        ]);
    }
}
