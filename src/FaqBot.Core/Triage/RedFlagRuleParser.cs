using System.Globalization;
using System.Text.RegularExpressions;
using FaqBot.Content;

namespace FaqBot.Triage;

/// <summary>
/// Parses <c>red-flags.txt</c>. Format, for clinicians:
/// <code>
/// [idioms]                           # everyday phrases whose words never count toward a rule
/// hænger sammen | hænger det sammen
/// [caudaEquina]                       # a kind: camelCase name
/// urgency: emergency                  # emergency (112) or today (own GP / lægevagten)
/// ikke + mærke + (skridt | sked* | mellem benene) ~6
/// (kræft* | *kræft | cancer*) &amp;&amp; (ryg* | lænd*)  unless  (for mange år siden)
/// </code>
/// Each further line is one rule; it fires when all its <c>&amp;&amp;</c> parts occur and none of its
/// <c>unless</c> parts. A part is elements joined by <c>+</c> that occur in any order within <c>~N</c> words of one
/// sentence (default 8). An element is a word, a phrase, or alternatives in <c>( | )</c>. Words match inflections
/// and small typos; <c>word*</c>, <c>*word</c>, <c>*word*</c> match compounds exactly; <c>38..43</c> matches a
/// number; <c>ikke</c> (or any negation) matches every negation word. A word governed by a negation in the message
/// ("ingen problemer med at tisse") does not count unless the part itself contains a negation.
/// </summary>
public static partial class RedFlagRuleParser
{
    /// <summary>Parses the file at <paramref name="path"/>.</summary>
    public static RedFlagRuleSet Load(string path)
    {
        var problems = new List<ContentProblem>();
        var sections = SectionedTextFile.Read(path, problems);
        return Parse(path, sections, problems);
    }

    /// <summary>Parses already read sections (e.g. from a test string).</summary>
    public static RedFlagRuleSet Parse(string path, IReadOnlyList<TextSection> sections, List<ContentProblem> problems)
    {
        var rules = new List<RedFlagRule>();
        var idioms = new List<WindowPattern>();
        var urgencies = new Dictionary<string, RedFlagUrgency>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (section.Name == IdiomsSection)
            {
                idioms.AddRange(ParseIdioms(section, path, problems));
                continue;
            }

            if (!KindName().IsMatch(section.Name))
            {
                problems.Add(new(path, section.Line, $"'{section.Name}' is not a kind name: use camelCase letters, e.g. [caudaEquina]"));
                continue;
            }

            if (urgencies.ContainsKey(section.Name))
            {
                problems.Add(new(path, section.Line, $"kind '{section.Name}' is already defined earlier in the file"));
                continue;
            }

            RedFlagUrgency? urgency = null;
            var count = 0;
            foreach (var (line, text) in section.Lines)
            {
                if (text.Length == 0)
                {
                    continue;
                }

                if (text.StartsWith("urgency:", StringComparison.OrdinalIgnoreCase))
                {
                    var value = text["urgency:".Length..].Trim().ToLowerInvariant();
                    urgency = value switch
                    {
                        "emergency" => RedFlagUrgency.Emergency,
                        "today" => RedFlagUrgency.Today,
                        _ => null,
                    };
                    if (urgency is null)
                    {
                        problems.Add(new(path, line, $"urgency must be 'emergency' or 'today', not '{value}'"));
                    }

                    continue;
                }

                if (ParseRule(text, path, line, problems) is not { } parsed)
                {
                    continue;
                }

                if (urgency is null)
                {
                    problems.Add(new(path, line, $"kind '{section.Name}' needs an 'urgency:' line before its rules"));
                    urgency = RedFlagUrgency.Today;
                }

                rules.Add(new RedFlagRule(section.Name, urgency.Value, parsed.AllOf, parsed.Unless, $"{path}:{line}"));
                count++;
            }

            urgencies[section.Name] = urgency ?? RedFlagUrgency.Today;
            if (count == 0)
            {
                problems.Add(new(path, section.Line, $"kind '{section.Name}' has no rules"));
            }
        }

        return new RedFlagRuleSet(rules, urgencies, problems) { Idioms = idioms };
    }

    /// <summary>The section of idioms: phrases, separated by <c>|</c>, whose words are no symptom.</summary>
    public const string IdiomsSection = "idioms";

    private static IEnumerable<WindowPattern> ParseIdioms(TextSection section, string path, List<ContentProblem> problems)
    {
        foreach (var (line, text) in section.Lines)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Contains('+', StringComparison.Ordinal) || text.Contains("&&", StringComparison.Ordinal) || text.Contains(" unless ", StringComparison.Ordinal))
            {
                problems.Add(new(path, line, "an idiom line is phrases separated by '|', e.g. 'hænger sammen | hænger det sammen'"));
                continue;
            }

            if (ParsePart($"({text})", path, line, problems) is { } pattern)
            {
                yield return pattern;
            }
        }
    }

    /// <summary>Parses one rule line; null (with a problem added) when it is malformed.</summary>
    public static (IReadOnlyList<WindowPattern> AllOf, IReadOnlyList<WindowPattern> Unless)? ParseRule(
        string text, string path, int line, List<ContentProblem> problems)
    {
        // Each "unless" part cancels the rule on its own.
        var halves = UnlessSeparator().Split(text);
        var allOf = ParseParts(halves[0], path, line, problems);
        var unless = new List<WindowPattern>();
        foreach (var half in halves.Skip(1))
        {
            if (ParsePart(half.Trim(), path, line, problems) is not { } pattern)
            {
                return null;
            }

            unless.Add(pattern);
        }

        return allOf is null ? null : (allOf, unless);
    }

    private static List<WindowPattern>? ParseParts(string text, string path, int line, List<ContentProblem> problems)
    {
        var parts = new List<WindowPattern>();
        foreach (var part in text.Split("&&"))
        {
            if (ParsePart(part.Trim(), path, line, problems) is not { } pattern)
            {
                return null;
            }

            parts.Add(pattern);
        }

        return parts;
    }

    private static WindowPattern? ParsePart(string text, string path, int line, List<ContentProblem> problems)
    {
        var window = WindowPattern.DefaultWindow;
        var windowMatch = WindowSuffix().Match(text);
        if (windowMatch.Success)
        {
            window = int.Parse(windowMatch.Groups[1].Value, CultureInfo.InvariantCulture);
            text = text[..windowMatch.Index].Trim();
        }

        if (text.Length == 0)
        {
            problems.Add(new(path, line, "empty pattern (check '&&', '+' and 'unless')"));
            return null;
        }

        var elements = new List<IReadOnlyList<IReadOnlyList<TermPattern>>>();
        foreach (var rawElement in text.Split('+'))
        {
            var element = rawElement.Trim();
            if (element.StartsWith('(') != element.EndsWith(')'))
            {
                problems.Add(new(path, line, $"unbalanced parentheses in '{element}'"));
                return null;
            }

            if (element.StartsWith('('))
            {
                element = element[1..^1];
            }

            var alternatives = new List<IReadOnlyList<TermPattern>>();
            foreach (var alternative in element.Split('|'))
            {
                var words = alternative.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    problems.Add(new(path, line, $"empty word or alternative in '{rawElement.Trim()}'"));
                    return null;
                }

                var phrase = new List<TermPattern>();
                foreach (var word in words)
                {
                    if (ParseTerm(word, path, line, problems) is not { } term)
                    {
                        return null;
                    }

                    phrase.Add(term);
                }

                alternatives.Add(phrase);
            }

            elements.Add(alternatives);
        }

        var shortest = elements.Sum(e => e.Min(phrase => phrase.Count));
        if (window < shortest)
        {
            problems.Add(new(path, line, $"window ~{window} is shorter than the {shortest} words the pattern needs"));
            return null;
        }

        return new WindowPattern(elements, window, text);
    }

    private static TermPattern? ParseTerm(string word, string path, int line, List<ContentProblem> problems)
    {
        var range = NumberRange().Match(word);
        if (range.Success)
        {
            var minimum = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var maximum = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            if (minimum > maximum)
            {
                problems.Add(new(path, line, $"number range '{word}' runs backwards"));
                return null;
            }

            return new NumberTerm(minimum, maximum);
        }

        var anyStart = word.StartsWith('*');
        var anyEnd = word.EndsWith('*') && word.Length > 1;
        var core = word.Trim('*');
        if (core.Length == 0 || !core.All(char.IsLetterOrDigit))
        {
            problems.Add(new(path, line, $"'{word}' is not a word: use letters, with '*' only at the start or end"));
            return null;
        }

        var form = TriageText.NormalizeWord(core);
        if (!anyStart && !anyEnd && NegationScope.IsCue(form))
        {
            return new NegationTerm();
        }

        if (anyStart || anyEnd)
        {
            if (core.Length < 3)
            {
                problems.Add(new(path, line, $"'{word}' is too short for a wildcard (at least 3 letters)"));
                return null;
            }

            return new WildcardTerm(form, anyStart, anyEnd);
        }

        return new WordTerm(form, TriageText.StemOf(form));
    }

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex KindName();

    [GeneratedRegex(@"\s+unless\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UnlessSeparator();

    [GeneratedRegex(@"~\s*(\d+)\s*$")]
    private static partial Regex WindowSuffix();

    [GeneratedRegex(@"^(\d+)\.\.(\d+)$")]
    private static partial Regex NumberRange();
}
