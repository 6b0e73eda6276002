namespace FaqBot.LoadTest;

/// <summary>The questions file shared with the wrk script: one question a line, <c>#</c> comments and blank lines skipped.</summary>
internal static class PatientQuestions
{
    public static IReadOnlyList<string> Read(string path)
    {
        var questions = File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        return questions.Count > 0 ? questions : throw new InvalidDataException($"{path} has no questions.");
    }
}
