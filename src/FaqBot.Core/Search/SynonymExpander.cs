using System.Text;
using FaqBot.Analysis;
using FaqBot.Lexicons;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;

namespace FaqBot.Search;

/// <summary>
/// Adds the synonym lexicon's alternatives to clauses. The groups are read by Lucene's <c>SolrSynonymParser</c> into a
/// <c>SynonymMap</c>, members analysed by <see cref="PhraseAnalyzer"/> (the index's chain); a clause run is looked up
/// in the map's FST as Lucene's <c>SynonymFilter</c> does, longest phrase first. A multi-word member ("nerve i
/// klemme") matches those words in a row and merges the clauses it spans. The clause handling stays FaqBot's own:
/// clauses are not a token stream (each holds the alternatives the parser found for a word), and a synonym weighs
/// less than the word itself, which <c>SynonymFilter</c> has no notion of.
/// </summary>
internal sealed class SynonymExpander
{
    internal const double SynonymWeight = 0.9;

    /// <summary>The map's phrases and their outputs; null for a lexicon without synonyms, as Lucene builds none.</summary>
    private readonly FST<BytesRef>? _fst;

    /// <summary>Each output phrase of the map by its ord, as the alternative it adds.</summary>
    private readonly TermAlternative[] _alternativeByOrd;

    /// <summary>
    /// The one-word members: the map's one-word outputs, since each member maps to every member of its group, itself
    /// too. A set, not the FST, answers <see cref="IsKey"/>: the parser asks it about 18 words a message (compound
    /// parts too), and a look-up in the FST took 3 to 5 times as long and allocated (Lucene reads the output of each
    /// arc it passes into a new BytesRef).
    /// </summary>
    private readonly HashSet<string> _singleWordMembers = new(StringComparer.Ordinal);

    public SynonymExpander(Lexicon lexicon, DanishTermAnalyzer analyzer)
    {
        var map = Read(lexicon.SynonymGroups, analyzer);
        _fst = map.Fst;
        _alternativeByOrd = new TermAlternative[map.Words.Count];
        var word = new BytesRef();
        for (var ord = 0; ord < _alternativeByOrd.Length; ord++)
        {
            map.Words.Get(ord, word);
            _alternativeByOrd[ord] = new TermAlternative(word.Utf8ToString().Split(SynonymMap.WORD_SEPARATOR), SynonymWeight);
            if (_alternativeByOrd[ord].Terms is [var single])
            {
                _singleWordMembers.Add(single);
            }
        }
    }

    /// <summary>
    /// The groups as a <c>SynonymMap</c>, each written as a line of Solr's format ("a, b, c": each maps to all). A
    /// member that analysis removes entirely (only stopwords) is left out, where Lucene would refuse its whole line.
    /// </summary>
    internal static SynonymMap Read(IEnumerable<IReadOnlyList<string>> groups, DanishTermAnalyzer analyzer)
    {
        var lines = new StringBuilder();
        foreach (var group in groups)
        {
            var members = group.Where(member => analyzer.Terms(member).Count > 0).ToList();
            if (members.Count > 0)
            {
                lines.AppendJoin(", ", members.Select(EscapeForSolr)).Append('\n');
            }
        }

        using var phrases = new PhraseAnalyzer(analyzer.Options);
        var parser = new SolrSynonymParser(dedup: true, expand: true, phrases);
        parser.Parse(new StringReader(lines.ToString()));
        return parser.Build();
    }

    /// <summary>A member as Solr's format reads it verbatim: a backslash escapes what would be syntax.</summary>
    private static string EscapeForSolr(string member) =>
        member.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="term"/> alone is a synonym-group member.</summary>
    public bool IsKey(string term) => _singleWordMembers.Contains(term);

    /// <summary>Expands <paramref name="clauses"/> in place; <paramref name="importance"/> weighs a merged phrase by its words.</summary>
    public void Expand(List<QueryClause> clauses, Func<IEnumerable<string>, double> importance)
    {
        if (_fst is not { } fst)
        {
            return;
        }

        var arc = new FST.Arc<BytesRef>();
        var reader = fst.GetBytesReader();
        var outputs = new ByteArrayDataInput();
        for (var i = 0; i < clauses.Count; i++)
        {
            if (LongestMatch(fst, clauses, i, arc, reader) is not ({ } output, var length))
            {
                continue;
            }

            var span = clauses.GetRange(i, length);
            var phrase = span.Select(c => c.Alternatives[0].Terms[0]).ToArray();
            var synonyms = Synonyms(output, phrase, outputs);
            if (length == 1)
            {
                clauses[i] = span[0] with { Alternatives = [.. span[0].Alternatives, .. synonyms] };
                continue;
            }

            var surfaces = span.Select(c => c.Surface).ToList();
            clauses.RemoveRange(i, length);
            clauses.Insert(i, new QueryClause(string.Join(' ', surfaces), [new(phrase, 1), .. synonyms], importance(surfaces), ClauseOrigin.Lexicon));
        }
    }

    /// <summary>
    /// The map's output for the longest run of clauses from <paramref name="start"/> whose first terms are a member,
    /// and the run's length; the walk ends at a clause without alternatives or where no member goes on. As Lucene's
    /// <c>SynonymFilter</c> walks, but the outputs are added up only along a match: most words match no member, and
    /// adding outputs allocates.
    /// </summary>
    private static (BytesRef? Output, int Length) LongestMatch(
        FST<BytesRef> fst, List<QueryClause> clauses, int start, FST.Arc<BytesRef> arc, FST.BytesReader reader)
    {
        var length = 0;
        var output = fst.Outputs.NoOutput;
        fst.GetFirstArc(arc);
        for (var j = start; j < clauses.Count && clauses[j].Alternatives.Count > 0; j++)
        {
            var goesOn = (j == start || fst.FindTargetArc(SynonymMap.WORD_SEPARATOR, arc, arc, reader) is not null)
                && Follow(fst, clauses[j].Alternatives[0].Terms[0], arc, reader, ref output, addOutputs: false);
            if (!goesOn)
            {
                break;
            }

            if (arc.IsFinal)
            {
                length = j - start + 1;
            }
        }

        if (length == 0)
        {
            return (null, 0);
        }

        fst.GetFirstArc(arc);
        for (var j = start; j < start + length; j++)
        {
            if (j > start)
            {
                fst.FindTargetArc(SynonymMap.WORD_SEPARATOR, arc, arc, reader);
                output = fst.Outputs.Add(output, arc.Output);
            }

            Follow(fst, clauses[j].Alternatives[0].Terms[0], arc, reader, ref output, addOutputs: true);
        }

        return (fst.Outputs.Add(output, arc.NextFinalOutput), length);
    }

    /// <summary>
    /// Moves <paramref name="arc"/> along <paramref name="term"/>'s code points (the FST's labels), adding their outputs
    /// to <paramref name="output"/> if <paramref name="addOutputs"/>; false where no member goes on.
    /// </summary>
    private static bool Follow(FST<BytesRef> fst, string term, FST.Arc<BytesRef> arc, FST.BytesReader reader, ref BytesRef output, bool addOutputs)
    {
        for (var k = 0; k < term.Length; k++)
        {
            var codePoint = char.IsSurrogatePair(term, k) ? char.ConvertToUtf32(term[k], term[++k]) : term[k];
            if (fst.FindTargetArc(codePoint, arc, arc, reader) is null)
            {
                return false;
            }

            if (addOutputs)
            {
                output = fst.Outputs.Add(output, arc.Output);
            }
        }

        return true;
    }

    /// <summary>
    /// The other members of the groups <paramref name="phrase"/> belongs to, in the order of the lexicon. The output
    /// lists the ords of every member, the phrase's own too (Solr's format maps each member to all).
    /// </summary>
    private List<TermAlternative> Synonyms(BytesRef output, string[] phrase, ByteArrayDataInput input)
    {
        input.Reset(output.Bytes, output.Offset, output.Length);
        var count = input.ReadVInt32() >>> 1;
        var synonyms = new List<TermAlternative>(count);
        for (var n = 0; n < count; n++)
        {
            var alternative = _alternativeByOrd[input.ReadVInt32()];
            if (!alternative.Terms.AsSpan().SequenceEqual(phrase))
            {
                synonyms.Add(alternative);
            }
        }

        return synonyms;
    }
}
