namespace FaqBot.Search;

/// <summary>A passage after the first (BM25F) stage: its position in the index, score and confidence (clause coverage).</summary>
internal readonly record struct RankedCandidate(int Passage, double Score, double Confidence);

/// <summary>A question clause with the importance the searcher gave it (its IDF × its own weight).</summary>
internal readonly record struct WeightedClause(QueryClause Clause, double Importance);
