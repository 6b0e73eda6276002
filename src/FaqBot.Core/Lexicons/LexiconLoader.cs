using System.Text;

namespace FaqBot.Lexicons;

/// <summary>
/// Reads the lexicon folder. Formats, one entry a line, <c>#</c> starts a comment:
/// <list type="bullet">
/// <item><c>synonyms.txt</c>: <c>iskias, ischias, sciatica</c> — words and phrases that mean the same.</item>
/// <item><c>english.txt</c>: <c>back pain = rygsmerter, ondt i ryggen</c> — English → Danish.</item>
/// <item><c>uncovered-phrases.txt</c>: <c>hvor lang tid, how long</c> — phrases, separated by commas or lines.</item>
/// <item><c>english-stopwords.txt</c>, <c>question-words.txt</c>, <c>everyday-words.txt</c>, <c>off-topic-words.txt</c>: words, separated by spaces or lines.</item>
/// </list>
/// A missing file is an empty list; a malformed line is reported and skipped, the rest still loads.
/// </summary>
public static class LexiconLoader
{
    /// <summary>File names within the lexicon folder.</summary>
    public const string SynonymsFile = "synonyms.txt";

    /// <inheritdoc cref="SynonymsFile"/>
    public const string EnglishFile = "english.txt";

    /// <inheritdoc cref="SynonymsFile"/>
    public const string EnglishStopwordsFile = "english-stopwords.txt";

    /// <inheritdoc cref="SynonymsFile"/>
    public const string QuestionWordsFile = "question-words.txt";

    /// <inheritdoc cref="SynonymsFile"/>
    public const string EverydayWordsFile = "everyday-words.txt";

    /// <inheritdoc cref="SynonymsFile"/>
    public const string OffTopicWordsFile = "off-topic-words.txt";

    /// <inheritdoc cref="SynonymsFile"/>
    public const string UncoveredPhrasesFile = "uncovered-phrases.txt";

    /// <summary>Loads the lexicon from <paramref name="directory"/> (usually <c>content/lexicon</c>).</summary>
    public static Lexicon Load(string directory)
    {
        var problems = new List<LexiconProblem>();
        var groups = new List<IReadOnlyList<string>>();
        foreach (var (path, line, text) in ReadEntries(Path.Combine(directory, SynonymsFile), problems))
        {
            var members = SplitList(text);
            if (members.Count < 2)
            {
                problems.Add(new(path, line, "a synonym line needs at least two words or phrases separated by commas"));
                continue;
            }

            groups.Add(members);
        }

        var english = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (path, line, text) in ReadEntries(Path.Combine(directory, EnglishFile), problems))
        {
            var parts = text.Split('=', 2);
            var key = parts.Length == 2 ? Normalize(parts[0]) : "";
            var danish = parts.Length == 2 ? SplitList(parts[1]) : [];
            if (key.Length == 0 || danish.Count == 0)
            {
                problems.Add(new(path, line, "expected 'english words = danske ord, flere danske ord'"));
                continue;
            }

            if (english.ContainsKey(key))
            {
                problems.Add(new(path, line, $"'{key}' is already translated on an earlier line"));
                continue;
            }

            english[key] = danish;
        }

        return new Lexicon(
            groups,
            english,
            ReadWordSet(Path.Combine(directory, EnglishStopwordsFile), problems),
            ReadWordSet(Path.Combine(directory, QuestionWordsFile), problems),
            ReadWordSet(Path.Combine(directory, EverydayWordsFile), problems),
            ReadWordSet(Path.Combine(directory, OffTopicWordsFile), problems),
            [.. ReadEntries(Path.Combine(directory, UncoveredPhrasesFile), problems).Select(entry => SplitList(entry.Text))],
            problems);
    }

    private static HashSet<string> ReadWordSet(string path, List<LexiconProblem> problems)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, text) in ReadEntries(path, problems))
        {
            foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }

    private static List<string> SplitList(string text) =>
        [.. text.Split(',').Select(Normalize).Where(member => member.Length > 0)];

    /// <summary>Lower-case, single spaces: "Nerve  i Klemme " → "nerve i klemme".</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<(string Path, int Line, string Text)> ReadEntries(string path, List<LexiconProblem> problems)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is DecoderFallbackException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new(path, 1, $"cannot read the file: {exception.Message}"));
            yield break;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var hash = lines[i].IndexOf('#', StringComparison.Ordinal);
            var text = (hash >= 0 ? lines[i][..hash] : lines[i]).Trim();
            if (text.Length > 0)
            {
                yield return (path, i + 1, text);
            }
        }
    }
}
