using System.Text.RegularExpressions;
using FaqBot.Content;
using FaqBot.Conversation;
using FaqBot.Screening;

namespace FaqBot.Triage;

/// <summary>
/// The editable safety content in <c>content/safety/</c>: the red-flag rules (<c>red-flags.txt</c>), the urgent
/// advice per kind (<c>urgent-advice.txt</c>, one <c>[kind]</c> block of Danish Markdown each, <c>[default]</c> for
/// kinds without their own; <c>{lægevagt}</c> stands for the region's out-of-hours doctor), the safety note every
/// answer carries (<c>safety-note.txt</c>), and the screening questions asked when a message comes near a red flag
/// (<c>screening.txt</c>, optional).
/// </summary>
public sealed partial record SafetyContent(
    RedFlagRuleSet Rules,
    IReadOnlyDictionary<string, string> Advice,
    string SafetyNote,
    IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>The folder within the content folder.</summary>
    public const string Folder = "safety";

    /// <summary>The advice block used for kinds without their own.</summary>
    public const string DefaultAdvice = "default";

    /// <summary>The screening questions (<c>screening.txt</c>); none when the folder has no such file.</summary>
    public ScreeningContent Screening { get; init; } = ScreeningContent.None;

    /// <summary>Loads <c>safety/</c> under <paramref name="contentDirectory"/>. Never throws for bad content.</summary>
    public static SafetyContent Load(string contentDirectory)
    {
        var folder = Path.Combine(contentDirectory, Folder);
        var rulesPath = Path.Combine(folder, "red-flags.txt");
        var rules = RedFlagRuleParser.Load(rulesPath);
        var problems = new List<ContentProblem>(rules.Problems);
        if (rules.Rules.Count == 0 && rules.Problems.Count == 0)
        {
            problems.Add(new(rulesPath, 0, "the file defines no red-flag rules"));
        }

        var advicePath = Path.Combine(folder, "urgent-advice.txt");
        var advice = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in SectionedTextFile.Read(advicePath, problems))
        {
            if (section.Body.Length == 0)
            {
                problems.Add(new(advicePath, section.Line, $"advice '[{section.Name}]' has no text"));
            }
            else if (!advice.TryAdd(section.Name, section.Body))
            {
                problems.Add(new(advicePath, section.Line, $"advice '[{section.Name}]' is already given earlier in the file"));
            }

            // A misspelt placeholder would reach the patient as "{laegevagt}" instead of the number to call.
            foreach (var placeholder in Placeholder().Matches(section.Body).Select(m => m.Value).Where(p => p != UrgentContacts.OutOfHoursPlaceholder).Distinct())
            {
                problems.Add(new(advicePath, section.Line,
                    $"advice '[{section.Name}]' has the unknown placeholder '{placeholder}' (only {UrgentContacts.OutOfHoursPlaceholder} is filled in)"));
            }
        }

        foreach (var kind in advice.Keys.Where(k => k != DefaultAdvice && !rules.Urgencies.ContainsKey(k)))
        {
            problems.Add(new(advicePath, 0, $"advice for '{kind}', which red-flags.txt does not define"));
        }

        if (!advice.ContainsKey(DefaultAdvice))
        {
            foreach (var kind in rules.Kinds.Where(k => !advice.ContainsKey(k)))
            {
                problems.Add(new(advicePath, 0, $"no advice for kind '{kind}' and no [default] advice"));
            }
        }

        var notePath = Path.Combine(folder, "safety-note.txt");
        var note = ReadPlainText(notePath, problems);
        if (note.Length == 0 && File.Exists(notePath))
        {
            problems.Add(new(notePath, 0, "the safety note is empty"));
        }

        var screening = ScreeningContent.Load(Path.Combine(folder, ScreeningContent.FileName), rulesPath, rules);
        problems.AddRange(screening.Problems);
        return new SafetyContent(rules, advice, note, problems) { Screening = screening };
    }

    /// <summary>
    /// This content, when the red-flag rules, the urgent advice and the safety note all loaded without a problem; else
    /// throws. A server must not answer patients without them: a red flag would get a plain answer, or none.
    /// </summary>
    /// <exception cref="SafetyContentUnavailableException">Any problem in the safety content.</exception>
    public SafetyContent EnsureComplete() => Problems.Count == 0 ? this : throw new SafetyContentUnavailableException(Problems);

    /// <summary>The advice for <paramref name="kind"/>, else the default, else null.</summary>
    public string? AdviceFor(string kind) =>
        Advice.TryGetValue(kind, out var text) ? text : Advice.GetValueOrDefault(DefaultAdvice);

    /// <summary>Anything in braces, or a lone brace.</summary>
    [GeneratedRegex(@"\{[^{}\n]*\}|[{}]")]
    private static partial Regex Placeholder();

    private static string ReadPlainText(string path, List<ContentProblem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new(path, 0, "file is missing"));
            return "";
        }

        try
        {
            var lines = File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#'));
            return string.Join('\n', lines).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(path, 0, $"cannot read the file: {exception.Message}"));
            return "";
        }
    }
}
