using System.Text;
using FaqBot.Content;

namespace FaqBot.Tests.Content;

/// <summary>Each broken file is reported with its path and line, and the good file next to it still loads.</summary>
public sealed class BadContentTests : IDisposable
{
    private readonly TempContentDirectory _dir = new();

    public BadContentTests() => _dir.Write("good.md", TempContentDirectory.GoodArticle);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("---\ntitle: Test\nmetaTitle: Iskias: hvad er det\n---\n\nTekst.\n", 3, "invalid YAML in the front matter")]
    [InlineData("---\ntitle: \"Test\n\n---\n\nTekst.\n", 2, "invalid YAML in the front matter")]
    [InlineData("---\ntitle: A\ndatePublished: 08-05-2025\ntitle: B\n---\n\nTekst.\n", 4, "Duplicate key title")]
    [InlineData("---\n- a\n- b\n---\n\nTekst.\n", 2, "must be 'key: value' lines")]
    [InlineData("---\ntitle:\n  - a\n---\n\nTekst.\n", 3, "'title' must be text")]
    [InlineData("---\ntitle: T\ndatePublished: 08-05-2025\nlastUpdated: 31-02-2025\n---\n\nTekst.\n", 4, "'lastUpdated' is not a date: '31-02-2025'")]
    [InlineData("---\ntitle: T\ndatePublished: maj 2025\n---\n\nTekst.\n", 3, "'datePublished' is not a date")]
    [InlineData("---\ntitle: T\n\nTekst uden slut på front matter.\n", 1, "never closed")]
    [InlineData("---\ntitle: T\n---\n", 1, "no text to answer from")]
    [InlineData("---\ntitle: T\n---\n\n![Kun et billede](/images/x.png)\n", 1, "no text to answer from")]
    [InlineData("", 1, "the file is empty")]
    [InlineData(" \n\n", 1, "the file is empty")]
    [InlineData("Tekst uden titel.\n\n## Afsnit\n\nMere tekst.\n", 1, "no title")]
    [InlineData("---\ntitle: T\n---\nIntro.\n\n## Ofte stillede spørgsmål\n\n### Hvad er iskias?\n\n### Hjælper øvelser?\n\nJa.\n", 8, "the FAQ question 'Hvad er iskias?' has no answer")]
    [InlineData("---\ntitle: T\n---\nIntro.\n\n## FAQ\n\n### Kun et billede?\n\n![svar](/x.png)\n", 8, "has no answer")]
    [InlineData("---\ntitle: T\n---\nIntro.\n\n## Spørgsmål og svar\n\n## Næste\n\nTekst.\n", 6, "the FAQ heading 'Spørgsmål og svar' has no text and no '###' questions")]
    [InlineData("---\ntitle: T\n---\nIntro.\n\n## Tomt afsnit\n## Næste\n\nTekst.\n", 6, "the section 'Tomt afsnit' has no text")]
    [InlineData("# Titel\n\nIntro.\n\n## Afsnit\n\nTekst.\n\n# Endnu en titel\n\nMere.\n", 9, "only one '#' heading")]
    [InlineData("---\ntitle: T\n---\nIntro.\n\n### Underoverskrift\n\nTekst.\n\n## Afsnit\n\nTekst.\n", 6, "'###' heading before the first '##' section")]
    [InlineData("---\ntitle: T\n---\nIntro.\n\n## ???\n\nTekst.\n", 6, "no letters or digits")]
    public void BrokenFileIsReportedAtItsLineAndTheGoodFileLoads(string text, int line, string message)
    {
        var bad = _dir.Write("bad.md", text);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(bad, problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
        AssertOnlyGoodLoaded(result);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtTheLineOfTheBadByte()
    {
        // "æ" saved as Latin-1 (0xE6) on line 7.
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: T\n---\n\nGod tekst.\n\nHer er et ").Concat(new byte[] { 0xE6 })
            .Concat(Encoding.UTF8.GetBytes("ble.\n")).ToArray();
        var bad = _dir.WriteBytes("latin1.md", bytes);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(bad, problem.Path);
        Assert.Equal(7, problem.Line);
        Assert.Contains("invalid UTF-8 (byte 0xE6", problem.Message);
        Assert.Equal($"{bad}:7: {problem.Message}", problem.ToString());
        AssertOnlyGoodLoaded(result);
    }

    [Fact]
    public void DuplicateIdInOneFileNamesBothLines()
    {
        var bad = _dir.Write("bad.md", "---\ntitle: T\n---\n\nIntro.\n\n## Behandling\n\nA.\n\n## Behandling!\n\nB.\n");

        var result = ContentLoader.LoadDirectory(_dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(bad, problem.Path);
        Assert.Equal(11, problem.Line);
        Assert.Contains("duplicate passage id 'bad#behandling'", problem.Message);
        Assert.Contains($"{bad}:7", problem.Message);
        AssertOnlyGoodLoaded(result);
    }

    [Fact]
    public void HeadingThatSlugsToIntroClashesWithTheIntro()
    {
        var bad = _dir.Write("bad.md", "---\ntitle: T\n---\n\nIntro.\n\n## Intro\n\nA.\n");

        var problem = Assert.Single(ContentLoader.LoadDirectory(_dir.Path).Problems);

        Assert.Equal(7, problem.Line);
        Assert.Contains($"duplicate passage id 'bad#intro', also at {bad}:5", problem.Message);
    }

    [Fact]
    public void SameFileNameInTwoFoldersIsReportedNamingBothFiles()
    {
        var first = _dir.Write(Path.Combine("a", "same.md"), TempContentDirectory.GoodArticle);
        var second = _dir.Write(Path.Combine("b", "same.md"), TempContentDirectory.GoodArticle);

        var result = ContentLoader.LoadFiles([second, first]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(second, problem.Path);
        Assert.Contains($"also the id of {first}", problem.Message);
        Assert.Equal(first, Assert.Single(result.Articles).SourcePath);
    }

    [Fact]
    public void AllProblemsOfAFileAreReportedAndTheRestStillLoads()
    {
        var bad = _dir.Write("bad.md", "---\ntitle: T\ndatePublished: igår\n---\nIntro.\n\n## FAQ\n\n### Uden svar?\n\n## Tomt\n");
        var other = _dir.Write("other.md", TempContentDirectory.GoodArticle);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        Assert.Equal([(bad, 3), (bad, 9), (bad, 11)], result.Problems.Select(p => (p.Path, p.Line)));
        Assert.Equal(["good", "other"], result.Articles.Select(a => a.Id));
        Assert.Equal(other, result.Articles[1].SourcePath);
    }

    [Fact]
    public void UnreadableFileIsReported()
    {
        var missing = Path.Combine(_dir.Path, "missing.md");

        var result = ContentLoader.LoadFiles([Path.Combine(_dir.Path, "good.md"), missing]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(missing, problem.Path);
        Assert.Equal(0, problem.Line);
        Assert.Contains("cannot read the file", problem.Message);
        AssertOnlyGoodLoaded(result);
    }

    [Fact]
    public void MissingOrEmptyDirectoryIsAProblem()
    {
        var missing = Path.Combine(_dir.Path, "nope");
        Assert.Contains("does not exist", Assert.Single(ContentLoader.LoadDirectory(missing).Problems).Message);

        var empty = Directory.CreateDirectory(Path.Combine(_dir.Path, "empty")).FullName;
        var result = ContentLoader.LoadDirectory(empty);
        Assert.Equal(empty, Assert.Single(result.Problems).Path);
        Assert.Empty(result.Articles);
    }

    private static void AssertOnlyGoodLoaded(ContentLoadResult result)
    {
        var article = Assert.Single(result.Articles);
        Assert.Equal("good", article.Id);
        Assert.Equal(["good#intro", "good#et-afsnit"], result.Passages.Select(p => p.Id));
    }
}
