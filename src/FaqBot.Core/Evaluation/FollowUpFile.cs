namespace FaqBot.Evaluation;

/// <summary>One two-turn exchange: a first question, a follow-up to it, and the passages that answer the follow-up.</summary>
/// <param name="First">The first question.</param>
/// <param name="FollowUp">The follow-up, read in the light of the first turn's answer.</param>
/// <param name="Expected">Passage ids that answer the follow-up; empty when none should (<c>NONE</c>).</param>
/// <param name="Line">1-based line in the file.</param>
public sealed record FollowUpCase(string First, string FollowUp, IReadOnlyList<string> Expected, int Line)
{
    /// <summary>Whether the follow-up should be declined.</summary>
    public bool ExpectsNone => Expected.Count == 0;
}

/// <summary>
/// Reads a multi-turn evaluation file: a header line, then <c>first&lt;TAB&gt;followup&lt;TAB&gt;expected</c>, where
/// expected is passage ids separated by <c>|</c> or <c>,</c>, or <c>NONE</c>.
/// </summary>
public static class FollowUpFile
{
    /// <summary>The cases of <paramref name="path"/>; throws <see cref="FormatException"/> naming the line of a bad row.</summary>
    public static IReadOnlyList<FollowUpCase> Read(string path)
    {
        var cases = new List<FollowUpCase>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            if (fields.Length < 3 || fields.Take(3).Any(field => field.Trim().Length == 0))
            {
                throw new FormatException($"{path}:{i + 1}: expected 'first<TAB>followup<TAB>expected ids or NONE'");
            }

            var expected = fields[2].Trim() == "NONE"
                ? []
                : fields[2].Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            cases.Add(new FollowUpCase(fields[0].Trim(), fields[1].Trim(), expected, i + 1));
        }

        return cases;
    }
}
