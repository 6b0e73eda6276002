using FaqBot.Content;

namespace FaqBot.Benchmarks;

/// <summary>
/// A deterministic Danish-like corpus of any size: passages built from the seed articles' own sentences, with
/// invented compound words mixed in so the vocabulary grows with the corpus as a real one would, and as many
/// alternative questions per passage as the seed content has.
/// </summary>
internal static class SyntheticCorpus
{
    private const int AlternativeQuestionsPerPassage = 18;

    public static List<Passage> Create(IReadOnlyList<Passage> seed, int count)
    {
        var questions = seed.SelectMany(p => p.AlternativeQuestions).ToArray();
        var sentences = seed
            .SelectMany(p => p.Text.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.Length > 20)
            .ToArray();
        var words = seed.SelectMany(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 4 && w.All(char.IsLetter)).Distinct().ToArray();
        var random = new Random(20261121);
        var passages = new List<Passage>(count);
        for (var i = 0; i < count; i++)
        {
            var body = string.Join(". ", Enumerable.Range(0, 5).Select(_ => sentences[random.Next(sentences.Length)]));
            var invented = $"{words[random.Next(words.Length)]}{words[random.Next(words.Length)]}".ToLowerInvariant();
            var title = $"Spørgsmål {i} om {words[random.Next(words.Length)]} og {invented}";
            var alternatives = questions.Length == 0 ? [] : Enumerable.Range(0, AlternativeQuestionsPerPassage)
                .Select(k => k == 0 ? $"Hvad med {invented}?" : questions[random.Next(questions.Length)])
                .ToArray();
            passages.Add(new Passage($"syntetisk-{i / 50}#afsnit-{i}", $"syntetisk-{i / 50}", $"Artikel {i / 50}", title, $"{body} {invented}.", PassageKind.Section, "synthetic", i)
            {
                AlternativeQuestions = alternatives,
            });
        }

        return passages;
    }
}
