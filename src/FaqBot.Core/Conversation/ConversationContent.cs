using FaqBot.Content;
using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>
/// The editable conversation content in <c>content/conversation/</c>: small talk (<c>small-talk.txt</c>) and the bot's
/// own sentences (<c>texts.txt</c>: welcome, noMatch, contact, didYouMean, readMore, examples, tooLong). Missing texts fall back to
/// built-in Danish defaults and are reported.
/// </summary>
public sealed record ConversationContent(
    IReadOnlyList<SmallTalkIntent> SmallTalk,
    IReadOnlySet<string> IgnoredWords,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>The folder within the content folder.</summary>
    public const string Folder = "conversation";

    /// <summary>The blocks <c>texts.txt</c> must have.</summary>
    public static readonly IReadOnlyList<string> RequiredTexts = ["welcome", "noMatch", "contact", "didYouMean", "readMore", "examples", "tooLong"];

    private const string IgnoreSection = "ignore";
    private const string MatchPrefix = "match:";

    /// <summary>The welcome text.</summary>
    public string Welcome => Text("welcome", DanishTexts.Welcome);

    /// <summary>The honest "not covered" text.</summary>
    public string NoMatch => Text("noMatch", DanishTexts.NoMatch);

    /// <summary>How to reach the clinic, after the "not covered" text; placeholders as <see cref="ClinicContact"/> fills them.</summary>
    public string Contact => Text("contact", DanishTexts.Contact);

    /// <summary>The line before "did you mean" suggestions.</summary>
    public string DidYouMean => Text("didYouMean", "Mente du måske et af disse spørgsmål?");

    /// <summary>The text of the link to the whole section.</summary>
    public string ReadMore => Text("readMore", "Læs hele afsnittet");

    /// <summary>The request for a shorter question, when a message is too long to search.</summary>
    public string TooLong => Text("tooLong", DanishTexts.TooLong);

    /// <summary>Example questions offered with the welcome.</summary>
    public IReadOnlyList<string> Examples =>
        [.. Text("examples", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Loads <c>conversation/</c> under <paramref name="contentDirectory"/>. Never throws for bad content.</summary>
    public static ConversationContent Load(string contentDirectory)
    {
        var folder = Path.Combine(contentDirectory, Folder);
        var problems = new List<ContentProblem>();
        var smallTalkPath = Path.Combine(folder, "small-talk.txt");
        var intents = new List<SmallTalkIntent>();
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in SectionedTextFile.Read(smallTalkPath, problems))
        {
            var phrases = new List<IReadOnlyList<string>>();
            var reply = new List<string>();
            foreach (var (_, text) in section.Lines)
            {
                if (text.StartsWith(MatchPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    phrases.AddRange(text[MatchPrefix.Length..]
                        .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(phrase => (IReadOnlyList<string>)[.. TriageText.Analyze(phrase).Select(t => t.Form)])
                        .Where(words => words.Count > 0));
                }
                else
                {
                    reply.Add(text);
                }
            }

            var body = string.Join('\n', reply).Trim();
            if (section.Name == IgnoreSection)
            {
                ignored.UnionWith(phrases.SelectMany(p => p));
                continue;
            }

            if (phrases.Count == 0)
            {
                problems.Add(new(smallTalkPath, section.Line, $"small talk '[{section.Name}]' has no 'match:' line"));
            }

            if (body.Length == 0)
            {
                problems.Add(new(smallTalkPath, section.Line, $"small talk '[{section.Name}]' has no reply text"));
            }

            if (phrases.Count > 0 && body.Length > 0)
            {
                intents.Add(new SmallTalkIntent(section.Name, phrases, body));
            }
        }

        var textsPath = Path.Combine(folder, "texts.txt");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in SectionedTextFile.Read(textsPath, problems))
        {
            if (!RequiredTexts.Contains(section.Name))
            {
                problems.Add(new(textsPath, section.Line, $"unknown text '[{section.Name}]'; expected one of {string.Join(", ", RequiredTexts)}"));
            }
            else if (section.Body.Length == 0)
            {
                problems.Add(new(textsPath, section.Line, $"text '[{section.Name}]' is empty"));
            }
            else if (!texts.TryAdd(section.Name, section.Body))
            {
                problems.Add(new(textsPath, section.Line, $"text '[{section.Name}]' is given twice"));
            }
            else if (section.Name == "contact")
            {
                problems.AddRange(section.Lines.SelectMany(line => ClinicContact.UnknownPlaceholders(line.Text).Select(unknown => new ContentProblem(textsPath, line.Line,
                    $"unknown placeholder '{unknown}' in '[contact]'; expected {string.Join(", ", ClinicContact.Placeholders.Select(p => $"{{{p}}}"))}"))));
            }
        }

        if (File.Exists(textsPath))
        {
            foreach (var missing in RequiredTexts.Where(name => !texts.ContainsKey(name)))
            {
                problems.Add(new(textsPath, 0, $"text '[{missing}]' is missing"));
            }
        }

        return new ConversationContent(intents, ignored, texts, problems);
    }

    private string Text(string name, string fallback) => Texts.GetValueOrDefault(name, fallback);
}
