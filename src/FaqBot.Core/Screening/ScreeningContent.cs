using FaqBot.Content;
using FaqBot.Triage;

namespace FaqBot.Screening;

/// <summary>
/// <c>content/safety/screening.txt</c>: per red-flag kind, the rules that make a message "near" that red flag (in the
/// rule language of <c>red-flags.txt</c>, with its concepts) and the yes/no question to ask; and in <c>[answers]</c>
/// the words that answer yes or no and the acknowledgement of a no. A content folder without the file asks nothing.
/// </summary>
public sealed record ScreeningContent(
    RedFlagRuleSet Rules,
    IReadOnlyDictionary<string, string> Questions,
    IReadOnlyList<string> YesAnswers,
    IReadOnlyList<string> NoAnswers,
    string Acknowledgement,
    IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>The file name within <c>content/safety/</c>.</summary>
    public const string FileName = "screening.txt";

    /// <summary>The section of yes/no words and the acknowledgement.</summary>
    public const string AnswersSection = "answers";

    /// <summary>No screening at all.</summary>
    public static ScreeningContent None { get; } =
        new(new RedFlagRuleSet([], new Dictionary<string, RedFlagUrgency>(), []), new Dictionary<string, string>(), [], [], "", []);

    /// <summary>
    /// Loads <paramref name="path"/> with the concepts, negation words and idioms of <paramref name="redFlagsPath"/>,
    /// whose kinds are <paramref name="redFlags"/>. Never throws for bad content; a missing file is no screening.
    /// </summary>
    public static ScreeningContent Load(string path, string redFlagsPath, RedFlagRuleSet redFlags)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var problems = new List<ContentProblem>();
        var own = SectionedTextFile.Read(path, problems);
        // The red-flag file's shared vocabulary; its own problems are reported when that file is loaded.
        var shared = SectionedTextFile.Read(redFlagsPath, [])
            .Where(s => s.Name is RedFlagRuleParser.ConceptsSection or RedFlagRuleParser.NegationSection or RedFlagRuleParser.IdiomsSection);

        var questions = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new List<TextSection>();
        TextSection? answers = null;
        foreach (var section in own)
        {
            if (section.Name == AnswersSection)
            {
                answers = section;
            }
            else if (section.Name == RedFlagRuleParser.ConceptsSection)
            {
                kinds.Add(section);
            }
            else if (!redFlags.Urgencies.TryGetValue(section.Name, out var urgency))
            {
                problems.Add(new(path, section.Line, $"'[{section.Name}]' is not a kind of red-flags.txt"));
            }
            else
            {
                kinds.Add(KindSection(path, section, urgency, questions, problems));
            }
        }

        var rules = RedFlagRuleParser.Parse(path, [.. shared, .. kinds], problems);
        if (rules.Vocabulary.HasSameWords(redFlags.Vocabulary))
        {
            // The same words as the red-flag rules': a message analysed once for triage serves screening too.
            rules = rules with { Vocabulary = redFlags.Vocabulary };
        }

        var (yes, no, acknowledgement) = ReadAnswers(path, answers, problems);
        return new ScreeningContent(rules, questions, yes, no, acknowledgement, problems);
    }

    /// <summary>
    /// The kind's section as the rule parser reads it: the <c>question:</c> line taken out, and the urgency of the
    /// kind in red-flags.txt put in (a screening rule carries its kind's urgency).
    /// </summary>
    private static TextSection KindSection(
        string path, TextSection section, RedFlagUrgency urgency, Dictionary<string, string> questions, List<ContentProblem> problems)
    {
        var lines = new List<(int Line, string Text)> { (section.Line, $"urgency: {(urgency == RedFlagUrgency.Emergency ? "emergency" : "today")}") };
        foreach (var (line, text) in section.Lines)
        {
            if (text.StartsWith("question:", StringComparison.OrdinalIgnoreCase))
            {
                var question = text["question:".Length..].Trim();
                if (question.Length == 0 || !questions.TryAdd(section.Name, question))
                {
                    problems.Add(new(path, line, $"kind '{section.Name}' needs exactly one non-empty 'question:' line"));
                }
            }
            else
            {
                lines.Add((line, text));
            }
        }

        if (!questions.ContainsKey(section.Name))
        {
            problems.Add(new(path, section.Line, $"kind '{section.Name}' has no 'question:' line"));
        }

        return section with { Lines = lines };
    }

    private static (IReadOnlyList<string> Yes, IReadOnlyList<string> No, string Acknowledgement) ReadAnswers(
        string path, TextSection? section, List<ContentProblem> problems)
    {
        if (section is null)
        {
            problems.Add(new(path, 0, $"no [{AnswersSection}] section with 'yes:', 'no:' and 'acknowledgement:'"));
            return ([], [], "");
        }

        IReadOnlyList<string> yes = [], no = [];
        var acknowledgement = "";
        foreach (var (line, text) in section.Lines.Where(l => l.Text.Length > 0))
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
            var value = colon < 0 ? "" : text[(colon + 1)..].Trim();
            switch (name)
            {
                case "yes":
                    yes = Phrases(value);
                    break;
                case "no":
                    no = Phrases(value);
                    break;
                case "acknowledgement":
                    acknowledgement = value;
                    break;
                default:
                    problems.Add(new(path, line, "an [answers] line is 'yes: …', 'no: …' or 'acknowledgement: …'"));
                    break;
            }
        }

        if (yes.Count == 0 || no.Count == 0 || acknowledgement.Length == 0)
        {
            problems.Add(new(path, section.Line, "[answers] needs 'yes:', 'no:' and 'acknowledgement:', none of them empty"));
        }

        return (yes, no, acknowledgement);
    }

    private static string[] Phrases(string value) =>
        [.. value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ScreeningDetector.Normalize)];
}
