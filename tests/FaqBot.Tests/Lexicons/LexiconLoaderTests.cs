using FaqBot.Lexicons;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Lexicons;

public sealed class LexiconLoaderTests : IDisposable
{
    private readonly TempContentDirectory _scratch = new();

    private string _directory => _scratch.Path;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void TheShippedLexiconLoadsWithoutProblems()
    {
        var lexicon = LexiconLoader.Load(Path.Combine(ContentTestFiles.ContentDirectory, "lexicon"));
        Assert.Empty(lexicon.Problems);
        Assert.Contains(lexicon.SynonymGroups, g => g.Contains("numse") && g.Contains("balde"));
        Assert.Equal(["scanning"], lexicon.EnglishToDanish["mri"]);
        Assert.Contains("the", lexicon.EnglishStopwords);
    }

    [Fact]
    public void BadLinesAreReportedWithFileAndLineAndTheRestLoads()
    {
        File.WriteAllText(Path.Combine(_directory, LexiconLoader.SynonymsFile), "# comment\nnumse, balde\nensom\n");
        File.WriteAllText(Path.Combine(_directory, LexiconLoader.EnglishFile), "back = ryg\nno translation\nback = lænd\n");

        var lexicon = LexiconLoader.Load(_directory);

        Assert.Single(lexicon.SynonymGroups);
        Assert.Equal(3, lexicon.Problems.Count);
        Assert.Contains(lexicon.Problems, p => p.Path.EndsWith(LexiconLoader.SynonymsFile, StringComparison.Ordinal) && p.Line == 3);
        Assert.Contains(lexicon.Problems, p => p.Path.EndsWith(LexiconLoader.EnglishFile, StringComparison.Ordinal) && p.Line == 2);
        Assert.Contains(lexicon.Problems, p => p.Line == 3 && p.Message.Contains("already", StringComparison.Ordinal));
    }

    [Fact]
    public void UncoveredPhrasesOnOneLineAreOneGroup()
    {
        File.WriteAllText(Path.Combine(_directory, LexiconLoader.UncoveredPhrasesFile), "# duration\nhvor længe, Hvor lang  tid, how long\nkøre bil\n");

        var lexicon = LexiconLoader.Load(_directory);

        Assert.Equal(2, lexicon.UncoveredPhrases.Count);
        Assert.Equal(["hvor længe", "hvor lang tid", "how long"], lexicon.UncoveredPhrases[0]);
        Assert.Equal(["køre bil"], lexicon.UncoveredPhrases[1]);
    }

    [Fact]
    public void InvalidUtf8IsAProblemNotACrash()
    {
        File.WriteAllBytes(Path.Combine(_directory, LexiconLoader.SynonymsFile), [0x61, 0x2c, 0x20, 0xff, 0xfe]);
        var problem = Assert.Single(LexiconLoader.Load(_directory).Problems);
        Assert.Contains("cannot read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFolderIsAnEmptyLexicon()
    {
        var lexicon = LexiconLoader.Load(Path.Combine(_directory, "none"));
        Assert.Empty(lexicon.SynonymGroups);
        Assert.Empty(lexicon.Problems);
    }
}
