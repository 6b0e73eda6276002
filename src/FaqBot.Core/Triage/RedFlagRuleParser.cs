using System.Globalization;
using System.Text.RegularExpressions;
using FaqBot.Content;

namespace FaqBot.Triage;

/// <summary>
/// Parses <c>red-flags.txt</c>. Format, for clinicians:
/// <code>
/// [concepts]                          # named word classes, defined once, used by every rule
/// @saddleArea = skridt* | lyske* | mellem benene | groin
/// @cannotFeel = (ikke | svært) + (mærke | føle | feel)
/// [idioms]                           # everyday phrases whose words never count toward a rule
/// hænger sammen | hænger det sammen
/// [caudaEquina]                       # a kind: camelCase name
/// urgency: emergency                  # emergency (112) or today (own GP / lægevagten)
/// @cannotFeel + @saddleArea ~10
/// context: @backOrLeg                 # the rules below also need this anywhere in the message
/// (kræft* | *kræft | cancer*) &amp;&amp; (ryg* | lænd*)  unless  (for mange år siden)
/// example: jeg kan ikke mærke min lyske
/// not: jeg kan godt mærke skridtet
/// </code>
/// Each further line is one rule; it fires when all its <c>&amp;&amp;</c> parts occur and none of its
/// <c>unless</c> parts. A part is elements joined by <c>+</c> that occur in any order within <c>~N</c> words of one
/// sentence (default 8). An element is a word, a phrase, a <c>@concept</c>, or alternatives in <c>( | )</c>. Words
/// match inflections and small typos; <c>word*</c>, <c>*word</c>, <c>*word*</c> match compounds exactly;
/// <c>38..43</c> matches a number; <c>ikke</c> (or any negation) matches every negation word. A word governed by a
/// negation in the message ("ingen problemer med at tisse") does not count unless the part itself contains a
/// negation. A line starting with <c>|</c>, <c>+</c>, <c>&amp;&amp;</c> or <c>unless</c> continues the line above.
/// Concepts are expanded here, so the detector sees the same patterns as if every rule spelt its words out.
/// <para>Over 250 lines on purpose: the format is read in one pass by one reader (<c>RuleFile</c>) whose steps share
/// its concepts, idioms and problem list with line numbers; split up, every part would need all of that state.</para>
/// </summary>
public static partial class RedFlagRuleParser
{
    /// <summary>The section of idioms: phrases, separated by <c>|</c>, whose words are no symptom.</summary>
    public const string IdiomsSection = "idioms";

    /// <summary>The section of negation words: <c>cues:</c>, <c>clause breaks:</c> and <c>negating clause words:</c> lines.</summary>
    public const string NegationSection = "negation";

    /// <summary>The section of concepts: <c>@name = …</c> lines.</summary>
    public const string ConceptsSection = "concepts";

    /// <summary>A rule longer than this (as written, continuation lines joined) is hard to review; check warns.</summary>
    public const int LongRuleLength = 120;

    /// <summary>Parses the file at <paramref name="path"/>.</summary>
    public static RedFlagRuleSet Load(string path)
    {
        var problems = new List<ContentProblem>();
        var sections = SectionedTextFile.Read(path, problems);
        return Parse(path, sections, problems);
    }

    /// <summary>Parses already read sections (e.g. from a test string).</summary>
    public static RedFlagRuleSet Parse(string path, IReadOnlyList<TextSection> sections, List<ContentProblem> problems) =>
        new RuleFile(path, problems).Parse(sections);

    /// <summary>Parses one rule line without concepts; null (with a problem added) when it is malformed.</summary>
    public static (IReadOnlyList<WindowPattern> AllOf, IReadOnlyList<WindowPattern> Unless)? ParseRule(
        string text, string path, int line, List<ContentProblem> problems) =>
        new RuleFile(path, problems).ParseRule(text, line);

    /// <summary>The lines of a section with continuation lines joined to the line they continue.</summary>
    private static List<(int Line, string Text)> LogicalLines(TextSection section)
    {
        var lines = new List<(int Line, string Text)>();
        foreach (var (line, text) in section.Lines)
        {
            if (text.Length == 0)
            {
                continue;
            }

            var continues = text.StartsWith('|') || text.StartsWith('+') || text.StartsWith("&&", StringComparison.Ordinal)
                || text.StartsWith("unless ", StringComparison.OrdinalIgnoreCase);
            if (continues && lines.Count > 0)
            {
                lines[^1] = (lines[^1].Line, lines[^1].Text + " " + text);
            }
            else
            {
                lines.Add((line, text));
            }
        }

        return lines;
    }

    private sealed class RuleFile(string path, List<ContentProblem> problems)
    {
        private readonly List<ContentProblem> _warnings = [];
        private readonly Dictionary<string, (int Line, string Text)> _definitions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RedFlagConcept?> _resolved = new(StringComparer.Ordinal);
        private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _referencedBy = new(StringComparer.Ordinal);
        private readonly HashSet<string> _usedByRules = new(StringComparer.Ordinal);
        private string? _definingConcept;
        private TriageVocabulary _vocabulary = TriageVocabulary.Default;

        public RedFlagRuleSet Parse(IReadOnlyList<TextSection> sections)
        {
            foreach (var section in sections.Where(s => s.Name == NegationSection))
            {
                _vocabulary = ReadVocabulary(section);
            }

            foreach (var section in sections.Where(s => s.Name == ConceptsSection))
            {
                ReadDefinitions(section);
            }

            var rules = new List<RedFlagRule>();
            var idioms = new List<WindowPattern>();
            var examples = new List<RedFlagExample>();
            var urgencies = new Dictionary<string, RedFlagUrgency>(StringComparer.Ordinal);
            foreach (var section in sections)
            {
                if (section.Name is ConceptsSection or NegationSection)
                {
                    continue;
                }

                if (section.Name == IdiomsSection)
                {
                    idioms.AddRange(ParseIdioms(section));
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

                urgencies[section.Name] = ParseKind(section, rules, examples);
            }

            // Concepts are resolved also when no rule uses them, so a broken definition is reported all the same.
            foreach (var name in _definitions.Keys)
            {
                Resolve(name, _definitions[name].Line);
            }

            foreach (var (name, (line, _)) in _definitions.Where(d => !IsUsed(d.Key)))
            {
                _warnings.Add(new(path, line, $"concept '@{name}' is not used by any rule"));
            }

            return new RedFlagRuleSet(rules, urgencies, problems)
            {
                Idioms = idioms,
                Concepts = [.. _definitions.Keys.Select(name => _resolved.GetValueOrDefault(name)).OfType<RedFlagConcept>()],
                Examples = examples,
                Warnings = _warnings,
                Vocabulary = _vocabulary,
            };
        }

        private RedFlagUrgency ParseKind(TextSection section, List<RedFlagRule> rules, List<RedFlagExample> examples)
        {
            RedFlagUrgency? urgency = null;
            (WindowPattern Pattern, string Text)? context = null;
            var count = 0;
            foreach (var (line, text) in LogicalLines(section))
            {
                if (Field(text, "urgency") is { } urgencyText)
                {
                    var value = urgencyText.ToLowerInvariant();
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

                if (Field(text, "context") is { } contextText)
                {
                    context = contextText is "" or "none" ? null
                        : ParsePart(contextText, line) is { } pattern ? (pattern, contextText) : null;
                    continue;
                }

                if (Field(text, "example") is { } example)
                {
                    AddExample(examples, section.Name, example, mustFlag: true, line);
                    continue;
                }

                if (Field(text, "not") is { } counterExample)
                {
                    AddExample(examples, section.Name, counterExample, mustFlag: false, line);
                    continue;
                }

                if (text.Length > LongRuleLength)
                {
                    _warnings.Add(new(path, line, $"rule of {text.Length} characters: name its word lists as concepts so it reads like the criterion (at most {LongRuleLength})"));
                }

                if (ParseRule(text, line) is not { } parsed)
                {
                    continue;
                }

                if (urgency is null)
                {
                    problems.Add(new(path, line, $"kind '{section.Name}' needs an 'urgency:' line before its rules"));
                    urgency = RedFlagUrgency.Today;
                }

                IReadOnlyList<WindowPattern> allOf = context is { } scene ? [.. parsed.AllOf, scene.Pattern] : parsed.AllOf;
                rules.Add(new RedFlagRule(section.Name, urgency.Value, allOf, parsed.Unless, $"{path}:{line}")
                {
                    Text = text,
                    Context = context?.Text ?? "",
                });
                count++;
            }

            if (count == 0)
            {
                problems.Add(new(path, section.Line, $"kind '{section.Name}' has no rules"));
            }

            return urgency ?? RedFlagUrgency.Today;
        }

        private void AddExample(List<RedFlagExample> examples, string kind, string message, bool mustFlag, int line)
        {
            if (message.Length == 0)
            {
                problems.Add(new(path, line, "an example needs a message after the colon"));
                return;
            }

            examples.Add(new RedFlagExample(kind, message, mustFlag, path, line));
        }

        private static string? Field(string text, string name) =>
            text.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase) ? text[(name.Length + 1)..].Trim() : null;

        private TriageVocabulary ReadVocabulary(TextSection section)
        {
            var lists = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
            string[] names = ["cues", "clause breaks", "negating clause words", "denials"];
            foreach (var (line, text) in LogicalLines(section))
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? "" : text[..colon].Trim();
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(new(path, line, $"a [{NegationSection}] line is one of '{string.Join(":', '", names)}:' followed by words separated by '|'"));
                    continue;
                }

                var words = text[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (words.Any(w => !w.All(char.IsLetter)))
                {
                    problems.Add(new(path, line, "negation words are single lower-case words separated by '|' (\"can't\" is 'cant' and 't')"));
                    continue;
                }

                lists[name] = TriageVocabulary.Set(words.Select(w => w.ToLowerInvariant()));
            }

            foreach (var missing in names.Where(n => !lists.ContainsKey(n) && n != "denials"))
            {
                problems.Add(new(path, section.Line, $"[{NegationSection}] needs a '{missing}:' line"));
            }

            return new TriageVocabulary(
                lists.GetValueOrDefault("cues") ?? TriageVocabulary.Default.NegationCues,
                lists.GetValueOrDefault("clause breaks") ?? TriageVocabulary.Default.ClauseBreaks,
                lists.GetValueOrDefault("negating clause words") ?? TriageVocabulary.Default.NegatingClauseWords,
                lists.GetValueOrDefault("denials") ?? TriageVocabulary.Default.Denials);
        }

        private void ReadDefinitions(TextSection section)
        {
            foreach (var (line, text) in LogicalLines(section))
            {
                var match = ConceptDefinition().Match(text);
                if (!match.Success)
                {
                    problems.Add(new(path, line, "a concept line is '@name = word | word | phrase', e.g. '@saddleArea = skridt* | lyske* | groin'"));
                    continue;
                }

                var name = match.Groups[1].Value;
                if (!_definitions.TryAdd(name, (line, match.Groups[2].Value.Trim())))
                {
                    problems.Add(new(path, line, $"concept '@{name}' is already defined on line {_definitions[name].Line}"));
                }
            }
        }

        private RedFlagConcept? Resolve(string name, int line)
        {
            if (_resolved.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!_definitions.TryGetValue(name, out var definition))
            {
                problems.Add(new(path, line, $"unknown concept '@{name}': define it under [{ConceptsSection}]"));
                return null;
            }

            if (!_resolving.Add(name))
            {
                problems.Add(new(path, definition.Line, $"concept '@{name}' refers to itself"));
                return null;
            }

            var outer = _definingConcept;
            _definingConcept = name;
            var elements = ParseElements(definition.Text, definition.Line, windowed: false);
            _definingConcept = outer;
            _resolving.Remove(name);
            var concept = elements is null ? null : new RedFlagConcept(name, definition.Text, elements, $"{path}:{definition.Line}");
            _resolved[name] = concept;
            return concept;
        }

        private void Reference(string name)
        {
            if (_definingConcept is null)
            {
                _usedByRules.Add(name);
            }
            else
            {
                if (!_referencedBy.TryGetValue(name, out var users))
                {
                    _referencedBy[name] = users = new(StringComparer.Ordinal);
                }

                users.Add(_definingConcept);
            }
        }

        private bool IsUsed(string name) => IsUsed(name, []);

        private bool IsUsed(string name, HashSet<string> seen) =>
            _usedByRules.Contains(name)
            || (seen.Add(name) && _referencedBy.TryGetValue(name, out var users) && users.Any(user => IsUsed(user, seen)));

        private IEnumerable<WindowPattern> ParseIdioms(TextSection section)
        {
            foreach (var (line, text) in LogicalLines(section))
            {
                if (text.Contains('+', StringComparison.Ordinal) || text.Contains("&&", StringComparison.Ordinal) || text.Contains(" unless ", StringComparison.Ordinal))
                {
                    problems.Add(new(path, line, "an idiom line is phrases separated by '|', e.g. 'hænger sammen | hænger det sammen'"));
                    continue;
                }

                if (ParsePart($"({text})", line) is { } pattern)
                {
                    yield return pattern;
                }
            }
        }

        public (IReadOnlyList<WindowPattern> AllOf, IReadOnlyList<WindowPattern> Unless)? ParseRule(string text, int line)
        {
            // Each "unless" part cancels the rule on its own.
            var halves = UnlessSeparator().Split(text);
            var allOf = new List<WindowPattern>();
            foreach (var part in halves[0].Split("&&"))
            {
                if (ParsePart(part.Trim(), line) is not { } pattern)
                {
                    return null;
                }

                allOf.Add(pattern);
            }

            var unless = new List<WindowPattern>();
            foreach (var half in halves.Skip(1))
            {
                if (ParsePart(half.Trim(), line) is not { } pattern)
                {
                    return null;
                }

                unless.Add(pattern);
            }

            return (allOf, unless);
        }

        private WindowPattern? ParsePart(string text, int line)
        {
            var window = WindowPattern.DefaultWindow;
            var windowMatch = WindowSuffix().Match(text);
            if (windowMatch.Success)
            {
                window = int.Parse(windowMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                text = text[..windowMatch.Index].Trim();
            }

            if (ParseElements(text, line, windowed: true) is not { } elements)
            {
                return null;
            }

            var shortest = elements.Sum(e => e.Min(phrase => phrase.Count));
            if (window < shortest)
            {
                problems.Add(new(path, line, $"window ~{window} is shorter than the {shortest} words the pattern needs"));
                return null;
            }

            return new WindowPattern(elements, window, text);
        }

        private List<IReadOnlyList<IReadOnlyList<TermPattern>>>? ParseElements(string text, int line, bool windowed)
        {
            if (text.Length == 0)
            {
                problems.Add(new(path, line, "empty pattern (check '&&', '+' and 'unless')"));
                return null;
            }

            if (!windowed && WindowSuffix().IsMatch(text))
            {
                problems.Add(new(path, line, "a concept has no window: write '~N' in the rules that use it"));
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

                // A concept of several parts ("@cannotFeel = ikke + mærke") stands for all its parts.
                if (ConceptReference().IsMatch(element))
                {
                    if (Resolve(element[1..], line) is not { } whole)
                    {
                        return null;
                    }

                    Reference(element[1..]);
                    elements.AddRange(whole.Elements);
                    continue;
                }

                if (element.StartsWith('('))
                {
                    element = element[1..^1];
                }

                if (ParseAlternatives(element, rawElement.Trim(), line) is not { } alternatives)
                {
                    return null;
                }

                elements.Add(alternatives);
            }

            return elements;
        }

        private List<IReadOnlyList<TermPattern>>? ParseAlternatives(string element, string written, int line)
        {
            var alternatives = new List<IReadOnlyList<TermPattern>>();
            var ownKeys = new List<(string Key, string Text, string? Stem)>();
            var conceptKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rawAlternative in element.Split('|'))
            {
                var alternative = rawAlternative.Trim();
                if (ConceptReference().IsMatch(alternative))
                {
                    if (Resolve(alternative[1..], line) is not { } concept)
                    {
                        return null;
                    }

                    if (concept.Elements.Count != 1)
                    {
                        problems.Add(new(path, line, $"'{alternative}' has parts joined by '+': use it as a whole element, not among alternatives"));
                        return null;
                    }

                    Reference(alternative[1..]);
                    alternatives.AddRange(concept.Elements[0]);
                    foreach (var phrase in concept.Elements[0])
                    {
                        conceptKeys.TryAdd(Key(phrase), alternative);
                    }

                    continue;
                }

                var words = alternative.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    problems.Add(new(path, line, $"empty word or alternative in '{written}'"));
                    return null;
                }

                var terms = new List<TermPattern>();
                foreach (var word in words)
                {
                    if (ParseTerm(word, line) is not { } term)
                    {
                        return null;
                    }

                    terms.Add(term);
                }

                alternatives.Add(terms);
                ownKeys.Add((Key(terms), alternative, terms is [WordTerm single] ? single.Stem : null));
            }

            WarnAboutRepetition(ownKeys, conceptKeys, line);
            return alternatives;
        }

        // Tidiness only: a repeated or stem-joined alternative matches nothing the other does not.
        private void WarnAboutRepetition(List<(string Key, string Text, string? Stem)> own, Dictionary<string, string> fromConcepts, int line)
        {
            var where = _definingConcept is null ? "" : $" in @{_definingConcept}";
            foreach (var group in own.GroupBy(a => a.Key).Where(g => g.Count() > 1))
            {
                var texts = group.Select(a => a.Text).Distinct().ToList();
                _warnings.Add(new(path, line, texts.Count == 1
                    ? $"'{texts[0]}' is listed {group.Count()} times{where}"
                    : group.Key == NegationKey
                        ? $"'{string.Join(" | ", texts)}' are all negation words{where}: each matches every negation word, so one is enough"
                        : $"'{string.Join(" | ", texts)}' are the same word to the rules (æ, ø, å written as ae, oe, aa){where}: keep one"));
            }

            foreach (var (key, text, _) in own.DistinctBy(a => a.Key).Where(a => fromConcepts.ContainsKey(a.Key)))
            {
                _warnings.Add(new(path, line, $"'{text}' is already in {fromConcepts[key]}"));
            }

            foreach (var group in own.Where(a => a.Stem is not null).DistinctBy(a => a.Text).GroupBy(a => a.Stem).Where(g => g.Count() > 1))
            {
                _warnings.Add(new(path, line, $"'{string.Join(" | ", group.Select(a => a.Text))}' share the stem '{group.Key}'{where}: each already matches the others' inflections; only typo tolerance differs (longer words take more), so keep the longest"));
            }
        }

        private static string Key(IReadOnlyList<TermPattern> phrase) => string.Join(' ', phrase.Select(term => term switch
        {
            WordTerm word => word.Form,
            WildcardTerm wildcard => (wildcard.AnyStart ? "*" : "") + wildcard.Fragment + (wildcard.AnyEnd ? "*" : ""),
            NumberTerm number => $"{number.Minimum}..{number.Maximum}",
            _ => NegationKey,
        }));

        private const string NegationKey = "(negation)";

        private TermPattern? ParseTerm(string word, int line)
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

            if (word.StartsWith('@'))
            {
                problems.Add(new(path, line, $"'{word}' must be a whole alternative or element, not a word inside a phrase"));
                return null;
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
            if (!anyStart && !anyEnd && _vocabulary.IsNegationCue(form))
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
    }

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex KindName();

    [GeneratedRegex(@"^@([a-z][a-zA-Z0-9]*)\s*=\s*(.+)$")]
    private static partial Regex ConceptDefinition();

    [GeneratedRegex(@"^@[a-z][a-zA-Z0-9]*$")]
    private static partial Regex ConceptReference();

    [GeneratedRegex(@"\s+unless\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UnlessSeparator();

    [GeneratedRegex(@"~\s*(\d+)\s*$")]
    private static partial Regex WindowSuffix();

    [GeneratedRegex(@"^(\d+)\.\.(\d+)$")]
    private static partial Regex NumberRange();
}
