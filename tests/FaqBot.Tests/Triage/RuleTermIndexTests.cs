using FaqBot.Tests.Content;
using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

/// <summary>
/// The index that finds the rule words a message word matches only saves work: it must find exactly the words that
/// testing every rule word one by one finds, for the words patients write, their typos and their spellings without æøå.
/// </summary>
[Trait("Category", "Content")]
public sealed class RuleTermIndexTests
{
    [Fact]
    public void IndexFindsExactlyTheRuleWordsThatTestingEachOneFinds()
    {
        var rules = SafetyContent.Load(ContentTestFiles.ContentDirectory).Rules;
        var index = rules.Terms;
        var words = new[] { "dev-redflags.tsv", "extra-redflags.tsv", "extra-redflags-7.tsv", "dev-qa.tsv" }
            .SelectMany(name => File.ReadLines(ContentTestFiles.DataFile(name)))
            .SelectMany(line => TriageText.Analyze(line.Split('\t')[0]).Select(t => t.Surface))
            .Distinct()
            .SelectMany(Variants)
            .Distinct()
            .ToList();

        Assert.True(words.Count > 2000);
        foreach (var word in words)
        {
            var token = TriageText.Analyze(word)[0];
            token.IsKnownWord = rules.KnownStems.Contains(token.Stem);
            var expected = Enumerable.Range(0, index.Count).Where(id => index.TermAt(id).Matches(token));

            Assert.Equal(expected, index.Matching(token));
        }
    }

    /// <summary>The word, one letter dropped, changed or swapped with the next, and æøå typed as digraphs or bare letters.</summary>
    private static IEnumerable<string> Variants(string word)
    {
        yield return word;
        yield return word.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);
        yield return word.Replace('æ', 'a').Replace('ø', 'o').Replace('å', 'a');
        if (word.Length >= 5)
        {
            var at = word.Length / 2;
            yield return word.Remove(at, 1);
            yield return word[..at] + (word[at] == 'e' ? 'a' : 'e') + word[(at + 1)..];
            yield return word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
            yield return word[..at] + 'r' + word[at..];
        }
    }
}
