namespace FaqBot.Search.Reranking;

/// <summary>
/// How well a patient's question matches the questions a passage answers (its heading or FAQ question, and the
/// editor's alternative questions), both ways: how much of an answered question the patient's covers (by IDF), and
/// how much of the patient's question it covers (by clause importance). A passage takes its best question. Built
/// once per search, then asked only about the re-ranker's candidates, so the cost does not grow with the corpus.
/// </summary>
internal sealed class QuestionMatcher
{
    private readonly PassageIndex _index;
    private readonly List<WeightedClause> _clauses;
    private readonly double _totalImportance;

    /// <summary>By slot, a query term's IDF and the clauses it stands for; the scratch maps term ids to slots.</summary>
    private readonly List<(double Idf, List<int> Clauses)> _queryTerms = [];

    // Looked up once per word of every question the candidates answer (hundreds per search): arrays by term id, not a
    // dictionary.
    private readonly int[] _slotStamp;
    private readonly int[] _slotByTerm;
    private readonly int _stamp;

    /// <summary>Per clause, the last answered question it counted for: a clause counts once however many of its synonyms a question has.</summary>
    private readonly int[] _countedFor;

    private int _questionStamp;

    public QuestionMatcher(PassageIndex index, List<WeightedClause> clauses, SearchScratch scratch)
    {
        _index = index;
        _slotStamp = scratch.QueryTermStamp;
        _slotByTerm = scratch.QueryTermSlot;
        _stamp = scratch.NextStamp();
        _clauses = clauses;
        _countedFor = new int[clauses.Count];
        for (var k = 0; k < clauses.Count; k++)
        {
            _totalImportance += clauses[k].Importance;
            foreach (var alternative in clauses[k].Clause.Alternatives)
            {
                foreach (var term in alternative.Terms)
                {
                    if (index.Find(term) is not { } postings)
                    {
                        continue;
                    }

                    if (_slotStamp[postings.Id] != _stamp)
                    {
                        _slotStamp[postings.Id] = _stamp;
                        _slotByTerm[postings.Id] = _queryTerms.Count;
                        _queryTerms.Add((postings.Idf, []));
                    }

                    var entry = _queryTerms[_slotByTerm[postings.Id]];
                    if (entry.Clauses.Count == 0 || entry.Clauses[^1] != k)
                    {
                        entry.Clauses.Add(k);
                    }
                }
            }
        }
    }

    /// <summary>The best match in [0, 1] among the questions <paramref name="passage"/> answers.</summary>
    public double Best(int passage)
    {
        if (_totalImportance <= 0)
        {
            return 0;
        }

        var best = 0.0;
        foreach (var asked in _index.AnsweredQuestions[passage])
        {
            _questionStamp++;
            var matchedIdf = 0.0;
            var matchedImportance = 0.0;
            foreach (var id in asked.TermIds)
            {
                if (_slotStamp[id] != _stamp)
                {
                    continue;
                }

                var entry = _queryTerms[_slotByTerm[id]];
                matchedIdf += entry.Idf;
                foreach (var k in entry.Clauses)
                {
                    if (_countedFor[k] != _questionStamp)
                    {
                        _countedFor[k] = _questionStamp;
                        matchedImportance += _clauses[k].Importance;
                    }
                }
            }

            var askedShare = asked.Weight > 0 ? matchedIdf / asked.Weight : 0;
            best = Math.Max(best, (askedShare + (matchedImportance / _totalImportance)) / 2);
        }

        return best;
    }
}
