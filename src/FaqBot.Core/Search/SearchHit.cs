using FaqBot.Content;

namespace FaqBot.Search;

/// <summary>A passage found for a question.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">The ranking score (BM25F, raised by the re-ranker); only comparable within one question.</param>
/// <param name="Confidence">Normalised in [0, 1]: the IDF-weighted share of the question's clauses the passage covers.</param>
/// <param name="TitleMatch">How well the question matches the best question the passage answers (its title or an alternative question), both ways, in [0, 1].</param>
public sealed record SearchHit(Passage Passage, double Score, double Confidence, double TitleMatch);
