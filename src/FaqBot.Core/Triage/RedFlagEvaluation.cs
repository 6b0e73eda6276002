namespace FaqBot.Triage;

/// <summary>
/// Scores the detector on a TSV file <c>message&lt;TAB&gt;REDFLAG|OK&lt;TAB&gt;note</c> (header optional): recall on
/// the REDFLAG rows, false-alarm rate on the OK rows.
/// </summary>
public sealed record RedFlagEvaluation(IReadOnlyList<RedFlagCase> Cases)
{
    /// <summary>Red-flag rows the detector missed.</summary>
    public IReadOnlyList<RedFlagCase> Misses => [.. Cases.Where(c => c.ExpectedRedFlag && !c.Detected)];

    /// <summary>OK rows the detector flagged.</summary>
    public IReadOnlyList<RedFlagCase> FalseAlarms => [.. Cases.Where(c => !c.ExpectedRedFlag && c.Detected)];

    /// <summary>Share of red-flag rows detected (1 when there are none).</summary>
    public double Recall
    {
        get
        {
            var positives = Cases.Count(c => c.ExpectedRedFlag);
            return positives == 0 ? 1 : (positives - Misses.Count) / (double)positives;
        }
    }

    /// <summary>Share of OK rows flagged (0 when there are none).</summary>
    public double FalseAlarmRate
    {
        get
        {
            var negatives = Cases.Count(c => !c.ExpectedRedFlag);
            return negatives == 0 ? 0 : FalseAlarms.Count / (double)negatives;
        }
    }

    /// <summary>Runs <paramref name="detector"/> over the file at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A row is not <c>message TAB REDFLAG|OK [TAB note]</c>.</exception>
    public static RedFlagEvaluation Run(RedFlagDetector detector, string path) =>
        new([.. ReadRows(path).Select(row =>
        {
            var detection = detector.Detect(row.Message);
            return new RedFlagCase(row.Message, row.IsRedFlag, row.Note, detection.Kinds, [.. detection.Rules.Select(r => r.Source)]);
        })]);

    /// <summary>
    /// The rows of a red-flag file (<c>message TAB REDFLAG|OK [TAB note]</c>); a header row (<c>expected</c> in the label
    /// column), blank lines and <c>#</c> lines are skipped.
    /// </summary>
    /// <exception cref="FormatException">A row is not <c>message TAB REDFLAG|OK [TAB note]</c>.</exception>
    public static IReadOnlyList<(string Message, bool IsRedFlag, string Note)> ReadRows(string path)
    {
        var rows = new List<(string, bool, string)>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            var label = fields.Length >= 2 ? fields[1].Trim().ToUpperInvariant() : "";
            if (i == 0 && label == "EXPECTED")
            {
                continue;
            }

            if (label is not ("REDFLAG" or "OK"))
            {
                throw new FormatException($"{path}:{i + 1}: expected 'message<TAB>REDFLAG|OK<TAB>note'");
            }

            rows.Add((fields[0], label == "REDFLAG", fields.Length > 2 ? fields[2] : ""));
        }

        return rows;
    }
}
