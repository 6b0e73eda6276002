using FaqBot.Analysis;
using FaqBot.Lexicons;
using FaqBot.Search;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;

namespace FaqBot.Tests.Search;

/// <summary>The synonym lexicon read by Lucene's Solr-format parser, and its phrases found among a question's clauses.</summary>
public sealed class SynonymExpanderTests
{
    private static readonly DanishTermAnalyzer Analyzer = new(new AnalysisOptions());

    private static SynonymExpander Expander(params string[][] groups) =>
        new(new Lexicon(groups, new Dictionary<string, IReadOnlyList<string>>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), [], []), Analyzer);

    private static List<QueryClause> Clauses(params string[] words) =>
        [.. words.Select(w => new QueryClause(w, w.Length == 0 ? [] : [new TermAlternative([Analyzer.Term(w)], 1)], 1, ClauseOrigin.Exact))];

    private static string[] Terms(string text) => [.. Analyzer.Terms(text)];

    [Fact]
    public void ReadSolrGroupWithAMultiWordMemberMapsEachMember()
    {
        var map = SynonymExpander.Read([["nerve i klemme", "klemt nerve", "nerveklemme"]], Analyzer);

        // The stopword "i" is gone and the phrase's words are neighbours, as in a question's clauses.
        var phrase = string.Join(SynonymMap.WORD_SEPARATOR, Terms("nerve i klemme"));
        Assert.Equal(2, Terms("nerve i klemme").Length);
        Assert.NotNull(Util.Get(map.Fst, Util.ToUTF32(phrase, new Int32sRef())));
        Assert.NotNull(Util.Get(map.Fst, Util.ToUTF32(string.Join(SynonymMap.WORD_SEPARATOR, Terms("klemt nerve")), new Int32sRef())));
        Assert.Null(Util.Get(map.Fst, Util.ToUTF32(Terms("klemme")[0], new Int32sRef())));
        Assert.Equal(3, map.Words.Count);
    }

    [Fact]
    public void ExpandMultiWordMemberMergesTheClausesItSpans()
    {
        var clauses = Clauses("iskias", "nerve", "klemme");
        Expander(["nerve i klemme", "klemt nerve", "nerveklemme"]).Expand(clauses, surfaces => surfaces.Count());

        Assert.Equal(2, clauses.Count);
        var merged = clauses[1];
        Assert.Equal("nerve klemme", merged.Surface);
        Assert.Equal(ClauseOrigin.Lexicon, merged.Origin);
        Assert.Equal(2, merged.Importance);
        Assert.Equal(
            [(Terms("nerve klemme"), 1.0), (Terms("klemt nerve"), 0.9), (Terms("nerveklemme"), 0.9)],
            merged.Alternatives.Select(a => (a.Terms, a.Weight)));
    }

    [Fact]
    public void ExpandLongestMemberWinsAndOneWordMemberAddsItsGroup()
    {
        var expander = Expander(["ondt", "smerter", "pine"], ["ondt i ryggen", "rygsmerter"]);
        var clauses = Clauses("ondt", "ryggen", "ondt", "benet");
        expander.Expand(clauses, surfaces => 1);

        Assert.Equal(["ondt ryggen", "ondt", "benet"], clauses.Select(c => c.Surface));
        Assert.Equal([Terms("ondt ryggen"), Terms("rygsmerter")], clauses[0].Alternatives.Select(a => a.Terms));
        Assert.Equal([Terms("ondt"), Terms("smerter"), Terms("pine")], clauses[1].Alternatives.Select(a => a.Terms));
        Assert.True(expander.IsKey(Terms("pine")[0]));
        Assert.False(expander.IsKey(Terms("ryggen")[0]));
    }

    [Fact]
    public void ExpandClauseWithoutAlternativesEndsAPhrase()
    {
        var clauses = Clauses("klemt", "", "nerve");
        Expander(["nerve i klemme", "klemt nerve"]).Expand(clauses, surfaces => 1);

        Assert.All(clauses, c => Assert.Equal(ClauseOrigin.Exact, c.Origin));
        Assert.Equal(3, clauses.Count);
    }

    [Fact]
    public void ReadMemberOfOnlyStopwordsIsLeftOutAndItsGroupStillLoads()
    {
        var expander = Expander(["i ro", "hvile", "af og til"]);
        var clauses = Clauses("hvile");
        expander.Expand(clauses, surfaces => 1);

        Assert.Equal([Terms("hvile"), Terms("ro")], clauses[0].Alternatives.Select(a => a.Terms));
    }

    [Fact]
    public void ExpandLexiconWithoutSynonymsLeavesClausesAlone()
    {
        var expander = Expander();
        var clauses = Clauses("ondt", "ryggen");
        expander.Expand(clauses, surfaces => 1);

        Assert.Equal(["ondt", "ryggen"], clauses.Select(c => c.Surface));
        Assert.All(clauses, c => Assert.Single(c.Alternatives));
        Assert.False(expander.IsKey(Terms("ondt")[0]));
    }
}
