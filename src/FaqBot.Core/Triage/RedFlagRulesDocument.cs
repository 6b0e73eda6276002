using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Triage;

/// <summary>
/// The red-flag rules written out for a clinician's review (Markdown): per kind its urgency, each rule in plain words
/// with its concepts named, and its examples; then every concept's word list. No rule syntax to read.
/// </summary>
public static partial class RedFlagRulesDocument
{
    /// <summary>The document for <paramref name="rules"/>.</summary>
    public static string Write(RedFlagRuleSet rules)
    {
        var text = new StringBuilder();
        text.AppendLine("# Red flags: what raises urgent advice");
        text.AppendLine();
        text.AppendLine("Generated from `content/safety/red-flags.txt` by `faqbot rules`. A message is flagged with a kind when one");
        text.AppendLine("of its rules matches. Words in [brackets] are concepts, listed at the end. \"Within N words\" means in one");
        text.AppendLine("sentence, in any order; a word under a negation (\"ingen problemer med at tisse\") does not count unless the");
        text.AppendLine("rule itself names a negation.");
        text.AppendLine();
        text.AppendLine("When no rule matches, a learned second opinion (`content/safety/model/`, trained by `faqbot train-triage`");
        text.AppendLine("on the labelled test messages) may still flag the message with the kind it predicts; it can only add a flag,");
        text.AppendLine("never remove one, and the setting `Triage:LearnedSecondOpinion` switches it off. The rules below are what a");
        text.AppendLine("clinician can check; `faqbot eval-redflags` lists what the second opinion adds on a test set.");
        foreach (var kind in rules.Kinds)
        {
            text.AppendLine();
            text.AppendLine($"## {PlainWords.FromCamelCase(kind)} (`{kind}`)");
            text.AppendLine();
            text.AppendLine(rules.Urgencies[kind] == RedFlagUrgency.Emergency
                ? "Urgency: **emergency** — call 112 now."
                : "Urgency: **today** — own GP (egen læge) or lægevagten today.");
            text.AppendLine();
            text.AppendLine("Flagged when:");
            text.AppendLine();
            foreach (var rule in rules.Rules.Where(r => r.Kind == kind))
            {
                var context = rule.Context.Length == 0 ? "" : $"; and anywhere in the message {Part(rule.Context, rules.Vocabulary)}";
                text.AppendLine($"- {Rule(rule.Text, rules.Vocabulary)}{context} (line {rule.Source[(rule.Source.LastIndexOf(':') + 1)..]})");
            }

            var examples = rules.Examples.Where(e => e.Kind == kind).ToList();
            if (examples.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("Examples:");
                text.AppendLine();
                foreach (var example in examples)
                {
                    text.AppendLine($"- {(example.MustFlag ? "flagged" : "not flagged")}: \"{example.Message}\"");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("## Concepts");
        text.AppendLine();
        foreach (var concept in rules.Concepts)
        {
            text.AppendLine($"- **[{concept.PlainName}]** (`@{concept.Name}`): {Part(concept.Definition, rules.Vocabulary)}");
        }

        return text.ToString();
    }

    /// <summary>One rule in plain words: <c>@cannotFeel + @saddleArea ~10</c> → "[cannot feel] and [saddle area] within 10 words".</summary>
    public static string Rule(string written, TriageVocabulary vocabulary)
    {
        var halves = UnlessSeparator().Split(written);
        var parts = halves[0].Split("&&").Select(p => Part(p.Trim(), vocabulary)).ToList();
        var words = parts[0];
        if (parts.Count > 1)
        {
            words += "; and anywhere in the message " + string.Join("; and ", parts.Skip(1));
        }

        if (halves.Length > 1)
        {
            words += " — except when " + string.Join(", or when ", halves.Skip(1).Select(h => Part(h.Trim(), vocabulary)));
        }

        return words;
    }

    private static string Part(string written, TriageVocabulary vocabulary)
    {
        var window = WindowSuffix().Match(written);
        var body = window.Success ? written[..window.Index].Trim() : written;
        var elements = body.Split('+').Select(e => Element(e.Trim(), vocabulary)).ToList();
        var words = string.Join(" and ", elements);
        return elements.Count > 1
            ? $"{words} within {(window.Success ? window.Groups[1].Value : WindowPattern.DefaultWindow.ToString(System.Globalization.CultureInfo.InvariantCulture))} words"
            : words;
    }

    private static string Element(string element, TriageVocabulary vocabulary)
    {
        var inner = element.StartsWith('(') && element.EndsWith(')') ? element[1..^1] : element;
        var alternatives = inner.Split('|').Select(a => a.Trim()).Select(a =>
            a.StartsWith('@') ? $"[{PlainWords.FromCamelCase(a[1..])}]"
            : vocabulary.IsNegationCue(a) ? "a negation (ikke, ingen, not …)"
            : a).Distinct().ToList();
        return alternatives.Count == 1 ? alternatives[0] : $"({string.Join(" / ", alternatives)})";
    }

    [GeneratedRegex(@"\s+unless\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UnlessSeparator();

    [GeneratedRegex(@"~\s*(\d+)\s*$")]
    private static partial Regex WindowSuffix();
}
