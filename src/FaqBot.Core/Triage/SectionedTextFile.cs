using System.Text;
using FaqBot.Content;

namespace FaqBot.Triage;

/// <summary>
/// Reads the simple format of the editable safety and conversation files: <c>[name]</c> starts a block, lines
/// starting with <c>#</c> are comments (a <c>#</c> elsewhere is text, so links with anchors survive).
/// </summary>
public static class SectionedTextFile
{
    /// <summary>The blocks of <paramref name="path"/>; a missing or unreadable file is reported in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<TextSection> Read(string path, List<ContentProblem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new(path, 0, "file is missing"));
            return [];
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is DecoderFallbackException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new(path, 0, $"cannot read the file: {exception.Message}"));
            return [];
        }

        var sections = new List<TextSection>();
        string? name = null;
        var start = 0;
        var body = new List<(int, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.StartsWith('#'))
            {
                continue;
            }

            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                if (name is not null)
                {
                    sections.Add(new TextSection(name, start, body));
                }

                name = text[1..^1].Trim();
                start = i + 1;
                body = [];
                if (name.Length == 0)
                {
                    problems.Add(new(path, i + 1, "empty section name '[]'"));
                }

                continue;
            }

            if (name is null)
            {
                if (text.Length > 0)
                {
                    problems.Add(new(path, i + 1, "text before the first [section] heading"));
                }

                continue;
            }

            body.Add((i + 1, text));
        }

        if (name is not null)
        {
            sections.Add(new TextSection(name, start, body));
        }

        return sections;
    }
}
