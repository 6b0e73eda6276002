namespace FaqBot.Evaluation;

/// <summary>
/// Reads a QA evaluation file: a header line, then <c>question&lt;TAB&gt;expected&lt;TAB&gt;style</c>, where
/// expected is comma-separated passage ids or <c>NONE</c>.
/// </summary>
public static class QaFile
{
    /// <summary>The cases of <paramref name="path"/>; throws <see cref="FormatException"/> naming the line of a bad row.</summary>
    public static IReadOnlyList<QaCase> Read(string path)
    {
        var cases = new List<QaCase>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            if (fields.Length < 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{i + 1}: expected 'question<TAB>expected ids or NONE<TAB>style'");
            }

            var expected = fields[1].Trim() == "NONE"
                ? []
                : fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            cases.Add(new QaCase(fields[0].Trim(), expected, fields.Length > 2 ? fields[2].Trim() : "", i + 1));
        }

        return cases;
    }
}
