using FaqBot.Content;

namespace FaqBot.Benchmarks;

/// <summary>
/// A deterministic Danish-like corpus of any size: passages built from the seed articles' own sentences, with
/// invented compound words mixed in so the vocabulary grows with the corpus as a real one would.
/// </summary>
internal static class SyntheticCorpus
{
    public static List<Passage> Create(IReadOnlyList<Passage> seed, int count)
    {
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
            passages.Add(new Passage($"syntetisk-{i / 50}#afsnit-{i}", $"syntetisk-{i / 50}", $"Artikel {i / 50}", title, $"{body} {invented}.", PassageKind.Section, "synthetic", i));
        }

        return passages;
    }
}
