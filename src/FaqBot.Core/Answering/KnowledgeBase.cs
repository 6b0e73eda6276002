using FaqBot.Analysis;
using FaqBot.Content;
using FaqBot.Lexicons;
using FaqBot.Search;

namespace FaqBot.Answering;

/// <summary>
/// Everything loaded from a content folder: the articles (<c>*.md</c>) with their alternative questions
/// (<c>questions/</c>), the lexicons (<c>lexicon/</c>), and the index and answerer built over them. Loading never
/// throws for bad content: problems are collected.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>The folder of lexicon files within the content folder.</summary>
    public const string LexiconFolder = "lexicon";

    private KnowledgeBase(ContentLoadResult content, Lexicon lexicon, FaqAnswerer answerer)
    {
        Content = content;
        Lexicon = lexicon;
        Answerer = answerer;
    }

    /// <summary>The articles and their passages.</summary>
    public ContentLoadResult Content { get; }

    /// <summary>The lexicons.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>Answers questions from the passages.</summary>
    public FaqAnswerer Answerer { get; }

    /// <summary>The search behind the answers, for related questions and for explaining a ranking.</summary>
    public PassageSearcher Searcher => Answerer.Searcher;

    /// <summary>Every problem found in the content and lexicons, as "file:line: message".</summary>
    public IReadOnlyList<string> Problems =>
        [.. Content.Problems.Select(p => p.ToString()), .. Lexicon.Problems.Select(p => p.ToString())];

    /// <summary>Loads <paramref name="contentDirectory"/> and builds the index.</summary>
    public static KnowledgeBase Load(string contentDirectory, AnalysisOptions? analysis = null, RankingOptions? ranking = null)
    {
        var content = ContentLoader.LoadDirectory(contentDirectory);
        var lexicon = LexiconLoader.Load(Path.Combine(contentDirectory, LexiconFolder));
        return Build(content, lexicon, analysis, ranking);
    }

    /// <summary>Builds over already loaded content, e.g. in tests and benchmarks.</summary>
    public static KnowledgeBase Build(ContentLoadResult content, Lexicon lexicon, AnalysisOptions? analysis = null, RankingOptions? ranking = null)
    {
        var analyzer = new DanishTermAnalyzer(analysis ?? new AnalysisOptions());
        ranking ??= new RankingOptions();
        // The synonyms' words, which a passage's compounds may be split into. Not the English lexicon's Danish side: it
        // only translates, and its general vocabulary would split the passages' compounds into words nobody asked about.
        var lexiconWords = lexicon.SynonymGroups.SelectMany(g => g).SelectMany(phrase => WordTokens.Of(phrase));
        var index = PassageIndex.Build(content.Passages, analyzer, ranking, lexiconWords);
        var searcher = new PassageSearcher(index, lexicon, ranking);
        return new KnowledgeBase(content, lexicon, new FaqAnswerer(searcher));
    }
}
