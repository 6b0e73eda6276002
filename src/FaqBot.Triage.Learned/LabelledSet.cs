namespace FaqBot.Triage.Learned;

/// <summary>One labelled file: a red-flag set (<c>message TAB REDFLAG|OK TAB note</c>) or a QA set (every question a negative).</summary>
public sealed record LabelledSet(string Name, bool IsQuestionSet, IReadOnlyList<LabelledMessage> Messages)
{
    /// <summary>
    /// The red-flag sets (<c>*redflags*.tsv</c>) and QA sets (<c>*-qa*.tsv</c>) in <paramref name="folder"/>, by name,
    /// so a fold's content does not depend on the file system's order.
    /// </summary>
    /// <exception cref="FormatException">A red-flag row is not <c>message TAB REDFLAG|OK [TAB note]</c>.</exception>
    public static IReadOnlyList<LabelledSet> LoadFolder(string folder)
    {
        var sets = new List<LabelledSet>();
        foreach (var path in Directory.GetFiles(folder, "*.tsv").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Contains("redflags", StringComparison.Ordinal))
            {
                sets.Add(new LabelledSet(name, false, ReadRedFlagSet(path)));
            }
            else if (name.Contains("-qa", StringComparison.Ordinal))
            {
                sets.Add(new LabelledSet(name, true, ReadQuestionSet(path)));
            }
        }

        return sets;
    }

    /// <summary>Rows of a red-flag file, read as the rule evaluation reads them.</summary>
    public static IReadOnlyList<LabelledMessage> ReadRedFlagSet(string path) =>
        [.. RedFlagEvaluation.ReadRows(path).Select(row => new LabelledMessage(row.Message, row.IsRedFlag, row.Note))];

    /// <summary>The questions of a QA file (<c>question TAB expected TAB style</c>): ordinary questions, so negatives.</summary>
    public static IReadOnlyList<LabelledMessage> ReadQuestionSet(string path) =>
        [.. File.ReadAllLines(path)
            .Skip(1)
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select(line => new LabelledMessage(line.Split('\t')[0], false, ""))];
}
