using FaqBot.Analysis;
using FaqBot.Content;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FaqBot.Benchmarks;

/// <summary>
/// The reference the engine is compared with in the same benchmark run (issue #11): stock Lucene.Net, its
/// <see cref="DanishAnalyzer"/> and BM25, one document per passage with the fields title, alternative questions, body
/// and article title, in memory; a question becomes a disjunction of its analysed terms over the four fields, top 5.
/// None of FaqBot's analysis, lexicons or ranking.
/// </summary>
internal sealed class PlainLuceneIndex : IDisposable
{
    private static readonly string[] Fields = ["title", "questions", "body", "article"];

    private readonly DanishAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);
    private readonly LuceneDirectory _directory = new RAMDirectory();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public PlainLuceneIndex(IReadOnlyList<Passage> passages)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var passage in passages)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", passage.Id, Field.Store.YES),
                    new TextField("title", passage.Title, Field.Store.NO),
                    new TextField("questions", string.Join("\n", passage.AlternativeQuestions), Field.Store.NO),
                    new TextField("body", MarkdownPlainText.From(passage.Text), Field.Store.NO),
                    new TextField("article", passage.ArticleTitle, Field.Store.NO),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The ids of the best five passages for <paramref name="question"/>.</summary>
    public IReadOnlyList<string> Top5(string question)
    {
        var query = new BooleanQuery();
        foreach (var term in TokenText.Of(_analyzer, question))
        {
            foreach (var field in Fields)
            {
                query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }

        var hits = _searcher.Search(query, 5).ScoreDocs;
        return [.. hits.Select(hit => _searcher.Doc(hit.Doc).Get("id"))];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
