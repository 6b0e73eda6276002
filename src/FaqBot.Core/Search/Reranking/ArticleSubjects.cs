using FaqBot.Content;

namespace FaqBot.Search.Reranking;

/// <summary>
/// What each article is about, read from its headings: a word in many of its passages' titles and in few titles of
/// other articles ("iskias" in "Symptomer ved iskias-smerter", "Hvordan stilles diagnosen iskias-smerter?", …; "frossen
/// skulder"). A question that names some article's subject asks about that article, not about the others.
/// </summary>
internal sealed class ArticleSubjects
{
    private readonly int[] _articleOf;
    private readonly Dictionary<string, int[]> _articlesBySubject = new(StringComparer.Ordinal);

    public ArticleSubjects(PassageIndex index, RankingOptions ranking)
    {
        var articleIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _articleOf = new int[index.Passages.Count];
        for (var p = 0; p < _articleOf.Length; p++)
        {
            var id = index.Passages[p].ArticleId;
            if (!articleIds.TryGetValue(id, out var article))
            {
                articleIds[id] = article = articleIds.Count;
            }

            _articleOf[p] = article;
        }

        // Sections only: an intro's title is the article's, often an SEO line that names other articles' subjects too
        // ("7 facts om ondt i balden og benet – er det iskias?").
        var sectionsPerArticle = new int[articleIds.Count];
        var titlesWithTerm = new Dictionary<int, Dictionary<int, int>>();
        for (var p = 0; p < _articleOf.Length; p++)
        {
            if (index.Passages[p].Kind == PassageKind.Intro)
            {
                continue;
            }

            sectionsPerArticle[_articleOf[p]]++;
            foreach (var term in index.TitleTerms[p])
            {
                if (!titlesWithTerm.TryGetValue(term, out var perArticle))
                {
                    titlesWithTerm[term] = perArticle = [];
                }

                perArticle[_articleOf[p]] = perArticle.GetValueOrDefault(_articleOf[p]) + 1;
            }
        }

        var subjects = titlesWithTerm
            .Where(t => t.Value.Any(a => a.Value >= 2
                && a.Value >= ranking.SubjectShare * sectionsPerArticle[a.Key]
                && a.Value >= ranking.SubjectConcentration * t.Value.Values.Sum()))
            .Select(t => t.Key)
            .ToHashSet();

        // A question naming a subject may be answered by any article whose headings or title name it, as "ondt i
        // balden og benet – er det iskias?" may answer a question about iskias.
        var articlesBySubject = new Dictionary<int, HashSet<int>>();
        for (var p = 0; p < _articleOf.Length; p++)
        {
            foreach (var term in index.HeadingTerms[p])
            {
                if (subjects.Contains(term))
                {
                    if (!articlesBySubject.TryGetValue(term, out var articles))
                    {
                        articlesBySubject[term] = articles = [];
                    }

                    articles.Add(_articleOf[p]);
                }
            }
        }

        var termById = index.TermIds();
        foreach (var (term, articles) in articlesBySubject)
        {
            _articlesBySubject[termById[term]] = [.. articles];
        }
    }

    /// <summary>Whether no article has a subject: then nothing can disagree.</summary>
    public bool IsEmpty => _articlesBySubject.Count == 0;

    /// <summary>The article (a number) of passage <paramref name="passage"/>.</summary>
    public int ArticleOf(int passage) => _articleOf[passage];

    /// <summary>
    /// The articles whose subjects the question's words name through any of their readings (synonyms, English,
    /// corrections), or null when it names none.
    /// </summary>
    public HashSet<int>? Named(IEnumerable<WeightedClause> clauses)
    {
        HashSet<int>? named = null;
        foreach (var clause in clauses)
        {
            foreach (var alternative in clause.Clause.Alternatives)
            {
                foreach (var term in alternative.Terms)
                {
                    if (_articlesBySubject.TryGetValue(term, out var articles))
                    {
                        named ??= [];
                        named.UnionWith(articles);
                    }
                }
            }
        }

        return named;
    }
}
