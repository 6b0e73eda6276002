using FaqBot.Analysis;
using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// Turns a patient's question into clauses of index terms. Each word goes through the analysis chain, and when
/// its stem is not in the index, through FaqBot's additions in turn: æøå folding, inflection, compound
/// splitting and typo correction (of the word, then of its stem); then synonyms are added. English questions are
/// translated first; a phrase asking for what no article says ("hvor lang tid") becomes one clause no passage has. Each
/// clause gets a weight from the lexicons (<see cref="WordWeights"/>), and in a message that tells a story
/// before it asks, the story weighs less than the question.
/// <para>Over 250 lines on purpose: the fallbacks run in one order over one word and share the parse's state;
/// split up, the order that decides which reading wins would be spread over files.</para>
/// </summary>
public sealed class QueryParser
{
    private const double OneTypoWeight = 0.8;
    private const double TwoTyposWeight = 0.6;

    /// <summary>The weight of another word a correctly spelt word also is when typed without æøå ("skane" → "skåne").</summary>
    private const double OtherReadingWeight = 0.9;

    /// <summary>Short stems are too close to each other ("kuld" of "kulde", "kald" of "kaldes") to correct one to another.</summary>
    private const int MinStemLengthForTypos = 6;

    /// <summary>How much a word of a message's story counts next to a word of its question sentence.</summary>
    private const double NarrativeFactor = 0.5;

    private readonly PassageIndex _index;
    private readonly AnalysisOptions _options;
    private readonly DanishTermAnalyzer _analyzer;
    private readonly FoldedVocabulary _folded;
    private readonly WordWeights _weights;
    private readonly SynonymExpander _synonyms;
    private readonly EnglishTranslator _english;
    private readonly TypoCorrector _typos;
    private readonly TypoCorrector _stemTypos;
    private readonly ILookup<string, string> _termsByDigraphs;

    private readonly CompoundSplitter _compounds;
    private readonly UncoveredPhrases _uncoveredPhrases;
    private readonly HeadingTopics _headingTopics;
    private readonly ArticleSubjects? _subjects;

    /// <summary>Prepares the look-ups for <paramref name="index"/> and <paramref name="lexicon"/>.</summary>
    /// <param name="index">The passages' index.</param>
    /// <param name="lexicon">The word lists.</param>
    /// <param name="subjects">What each article is about, to read a subject's several words as one name; null: each word alone.</param>
    internal QueryParser(PassageIndex index, Lexicon lexicon, ArticleSubjects? subjects = null)
    {
        _subjects = subjects;
        _index = index;
        _analyzer = index.Analyzer;
        _options = _analyzer.Options;
        _weights = new WordWeights(lexicon);
        _synonyms = new SynonymExpander(lexicon, _analyzer);

        // Words patients may type without æøå: the index's own, the stopwords, and the lexicons' words.
        _folded = new FoldedVocabulary(index.TermBySurface.Keys
            .Concat(DanishStopwords.Words)
            .Concat(_weights.Words)
            .Concat(lexicon.SynonymGroups.SelectMany(g => g).SelectMany(m => WordTokens.Of(m))));
        _typos = new TypoCorrector(index.TermBySurface.Keys.Select(DanishFolding.ToDigraphs));
        _termsByDigraphs = index.TermBySurface.Values.Distinct().ToLookup(DanishFolding.ToDigraphs, StringComparer.Ordinal);
        _stemTypos = new TypoCorrector(_termsByDigraphs.Select(g => g.Key));
        // A compound may end in an everyday head ("piriformis|syndrom", "ryg|problemer"): the head then weighs little.
        _compounds = new CompoundSplitter(word => IsKnownWord(word) || _weights.IsEveryday(word));
        _uncoveredPhrases = new UncoveredPhrases(lexicon.UncoveredPhrases);

        // "shoulder" = "skulder", "drive" = "køre bil": an English word reads as its Danish would. The lexicon spells
        // its Danish with æøå, so no other reading is tried for the off-topic list ("kraft" is not "kræft").
        _english = new EnglishTranslator(lexicon, _analyzer, _uncoveredPhrases, w => _weights.IsOffTopic(w, [], () => null));

        _headingTopics = new HeadingTopics(index, _uncoveredPhrases);
    }

    /// <summary>Analyses a question.</summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time (checked word by word).</exception>
    public ParsedQuery Parse(string question, CancellationToken cancellationToken = default)
    {
        var tokens = WordTokens.Of(question);
        var isEnglish = _options.English && _english.LooksEnglish(tokens, _index.TermBySurface.ContainsKey);
        var sentences = Sentences.Split(question);
        var asks = sentences.Count(s => s.EndsWith('?'));
        if (asks == 0 || asks == sentences.Count)
        {
            var whole = ParseSentence(tokens, isEnglish, cancellationToken);
            return new ParsedQuery(whole, isEnglish, AsksDefinition(tokens, whole));
        }

        // A long message tells a story and then asks: the story is context, the question is what to answer.
        var clauses = new List<QueryClause>();
        var asksDefinition = false;
        foreach (var sentence in sentences)
        {
            var sentenceTokens = WordTokens.Of(sentence);
            var sentenceClauses = ParseSentence(sentenceTokens, isEnglish, cancellationToken);
            var isQuestion = sentence.EndsWith('?');
            asksDefinition |= isQuestion && AsksDefinition(sentenceTokens, sentenceClauses);
            clauses.AddRange(isQuestion ? sentenceClauses : sentenceClauses.Select(c => c with { Importance = c.Importance * NarrativeFactor }));
        }

        return new ParsedQuery(clauses, isEnglish, asksDefinition);
    }

    /// <summary>
    /// "Hvad er X", "hvad betyder X", "what is X" (after at most a greeting: "hej, hvad er iskias?") about at most
    /// three topic words.
    /// </summary>
    private static bool AsksDefinition(List<string> tokens, List<QueryClause> clauses)
    {
        var topics = clauses.Count(c => c.Importance >= 1);
        for (var i = 0; i <= 1 && i + 2 < tokens.Count; i++)
        {
            var opening = $"{tokens[i]} {tokens[i + 1]}";
            var isDefinitionOpening = opening is "hvad er" or "hvad betyder" or "what is" or "what does" or "what s";

            // "Hvad er iskias …", not "hvad er det, der giver iskias": the thing asked about follows at once.
            var subject = tokens[i + 2];
            var namesSubject = !DanishStopwords.Contains(subject) && subject is not ("the" or "a" or "an" or "it");
            if (isDefinitionOpening && namesSubject)
            {
                return topics is >= 1 and <= 3;
            }
        }

        return false;
    }

    private List<QueryClause> ParseSentence(List<string> tokens, bool isEnglish, CancellationToken cancellationToken)
    {
        var clauses = new List<QueryClause>(tokens.Count);
        var digraphTokens = tokens.ConvertAll(DanishFolding.ToDigraphs);
        // The Danish words of the last uncovered phrase an English word was translated to.
        string[] translatedPhrase = [];
        for (var i = 0; i < tokens.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // "Hvor lang tid går der, før …" asks what no article says: it counts as a topic word no passage has.
            if (_uncoveredPhrases.PhraseAt(digraphTokens, i) is { } phrase)
            {
                clauses.Add(UncoveredPhraseClause(string.Join(' ', tokens.Skip(i).Take(phrase.Words.Length)), phrase));
                i += phrase.Words.Length - 1;
                continue;
            }

            if (isEnglish)
            {
                var (translated, reading, consumed) = _english.Translate(tokens, i);
                if (reading is not null)
                {
                    translatedPhrase = AddTranslation(clauses, translated, reading, tokens[i], translatedPhrase);
                    i += consumed - 1;
                    continue;
                }

                if (_english.IsStopword(tokens[i]))
                {
                    continue;
                }
            }

            ResolveDanish(tokens[i], clauses, guessParts: !isEnglish);
        }

        if (_options.Synonyms)
        {
            _synonyms.Expand(clauses, _weights.Importance);
        }

        if (_subjects is not null)
        {
            JoinSubjectNames(clauses);
        }

        return clauses;
    }

    /// <summary>
    /// Adds the clauses of an English word or phrase the lexicon translates, read as its Danish would be
    /// (<see cref="EnglishReading"/>); returns the Danish words of the uncovered phrase it is, or else
    /// <paramref name="lastPhrase"/>, the one an earlier word was.
    /// </summary>
    private string[] AddTranslation(List<QueryClause> clauses, QueryClause? translated, EnglishReading reading, string token, string[] lastPhrase)
    {
        if (reading.Uncovered is { } uncovered)
        {
            clauses.Add(UncoveredPhraseClause(translated?.Surface ?? token, uncovered));
            return reading.UncoveredDigraphs;
        }

        if (reading.OffTopicWords is { } words)
        {
            foreach (var (word, offTopic) in words)
            {
                clauses.Add(offTopic
                    ? OffTopicClause(word, _analyzer.Term(word), [])
                    : new QueryClause(word, [new TermAlternative([_analyzer.Term(word)], EnglishTranslator.TranslationWeight)], _weights.Importance([word]), ClauseOrigin.English));
            }
        }
        else if (translated is not null && !reading.DanishDigraphs.Exists(w => w.Length > 0 && Array.TrueForAll(w, lastPhrase.Contains)))
        {
            clauses.Add(translated with { Importance = _weights.Importance([translated.Surface]) });
        }

        return lastPhrase;
    }

    /// <summary>
    /// Two neighbouring words that are both subjects of one article ("frossen skulder") are one name, so they count
    /// as one topic: otherwise a question about a two-word condition weighs its name twice against what it asks
    /// ("Må jeg køre bil, når jeg har frossen skulder?"), where a one-word condition ("iskias") weighs it once.
    /// </summary>
    private void JoinSubjectNames(List<QueryClause> clauses)
    {
        // One pass into a new list (made at the first join): removing from the list in place would be quadratic in a
        // long message.
        List<QueryClause>? joined = null;
        for (var i = 0; i < clauses.Count; i++)
        {
            if (i + 1 < clauses.Count
                && SubjectAlternative(clauses[i]) is { } first && SubjectAlternative(clauses[i + 1]) is { } second
                && _subjects!.NameOneArticle(first.Terms[0], second.Terms[0]))
            {
                int[]? within = (first.Within, second.Within) switch
                {
                    (null, var w) => w,
                    (var w, null) => w,
                    var (a, b) => [.. a.Intersect(b).Order()],
                };
                var name = new TermAlternative([first.Terms[0], second.Terms[0]], 1) { Within = within };
                joined ??= clauses.GetRange(0, i);
                joined.Add(new QueryClause($"{clauses[i].Surface} {clauses[i + 1].Surface}", [name], 1, clauses[i].Origin));
                i++;
                continue;
            }

            joined?.Add(clauses[i]);
        }

        if (joined is not null)
        {
            clauses.Clear();
            clauses.AddRange(joined);
        }
    }

    /// <summary>A topic word's own one-term reading, the one a subject is matched by.</summary>
    private static TermAlternative? SubjectAlternative(QueryClause clause) =>
        clause.Importance >= 1 && clause.Alternatives is [{ Terms.Length: 1, Weight: >= 1 } own, ..] ? own : null;

    /// <summary>
    /// A phrase asking for what the articles do not say ("hvor lang tid"): a topic no passage has, except those whose
    /// heading asks it or another phrase of its group ("Hvor længe varer en frossen skulder?"), which match it by
    /// their heading phrase's words — a little less when the heading words it otherwise, as a synonym does.
    /// </summary>
    private QueryClause UncoveredPhraseClause(string surface, UncoveredPhrase phrase)
    {
        List<TermAlternative> alternatives = [];
        if (_options.HeadingTopics)
        {
            foreach (var (words, about) in _headingTopics.PhrasesAbout(phrase.Group))
            {
                var terms = words.Where(w => !DanishStopwords.Contains(w)).Select(_analyzer.Term).Distinct().ToArray();
                if (terms.Length > 0)
                {
                    var own = words.SequenceEqual(phrase.Words, StringComparer.Ordinal);
                    alternatives.Add(new TermAlternative(terms, own ? 1 : SynonymExpander.SynonymWeight) { Within = about });
                }
            }
        }

        return alternatives.Count > 0
            ? new QueryClause(surface, [.. alternatives.OrderByDescending(a => a.Weight)], 1, ClauseOrigin.Exact)
            : new QueryClause(surface, [], 1, ClauseOrigin.Unknown);
    }

    /// <summary>
    /// A word for what the articles do not cover ("skulder", "pris"): heavy and matched by no passage, except those
    /// whose heading or article title names it, for which it is an ordinary word.
    /// </summary>
    private QueryClause OffTopicClause(string token, string term, IReadOnlyList<string> folded)
    {
        if (_options.HeadingTopics)
        {
            var readings = InflectionStripper.BaseForms(token, _analyzer.Vocabulary.Contains).Concat(folded).Where(w => !DanishStopwords.Contains(w)).Select(_analyzer.Term);
            foreach (var reading in readings.Prepend(term).Distinct())
            {
                if (_headingTopics.PassagesAbout(reading) is { } about)
                {
                    return new QueryClause(token, [new TermAlternative([reading], 1) { Within = about }], 1, ClauseOrigin.Exact);
                }
            }

            // A misspelt heading topic ("tenisalbue"), as a typo of any other word; a dictionary word is no misspelling.
            if (_options.TypoTolerance && WordLimits.IsGuessable(token) && !_analyzer.Vocabulary.Contains(token) && Corrected(token) is { } corrected)
            {
                List<TermAlternative> named = [];
                foreach (var alternative in corrected.Alternatives)
                {
                    if (alternative.Terms is [var correction] && _headingTopics.PassagesAbout(correction) is { } about)
                    {
                        named.Add(alternative with { Within = about });
                    }
                }

                if (named.Count > 0)
                {
                    return corrected with { Alternatives = [.. named] };
                }
            }
        }

        return new QueryClause(token, [], WordWeights.OffTopicFactor, ClauseOrigin.Unknown);
    }

    /// <param name="token">The word.</param>
    /// <param name="clauses">Where its clause goes.</param>
    /// <param name="guessParts">
    /// Whether an unknown word may be split as a compound or corrected as a typo: not in an English question, where
    /// an untranslated word is English ("word" is not a misspelt "bord"). A word longer than
    /// <see cref="WordLimits.MaxGuessedLength"/> is never guessed at; it stays an exact term.
    /// </param>
    private void ResolveDanish(string token, List<QueryClause> clauses, bool guessParts = true)
    {
        // Numbers ("58 år", "i 2 måneder") do not decide the topic, and the numbers in articles mostly number their
        // sections ("2. Du kan sagtens …"): a patient's "2" is not a request for section 2.
        if (DanishStopwords.Contains(token) || token.All(char.IsDigit))
        {
            return;
        }

        var folded = FoldedWords(token);
        var term = _analyzer.Term(token);
        var isIndexed = IsIndexedOrSynonym(term);

        // Even where an article mentions it in passing, a question about it is not one the articles answer. (A
        // compound is split to find an off-topic head only when the index does not know the whole word, and only a
        // word short enough to guess at: looking for a head at every position is quadratic in its length.)
        var guessable = WordLimits.IsGuessable(token);
        if (_weights.IsOffTopic(token, folded, () => _options.CompoundSplitting && !isIndexed && guessable ? _compounds.Split(token) ?? [] : null))
        {
            clauses.Add(OffTopicClause(token, term, folded));
            return;
        }

        if (isIndexed && folded.Count == 0)
        {
            // Most words of a question: indexed, and no other word typed without æøå.
            clauses.Add(Clause(token, [term], 1, ClauseOrigin.Exact));
            return;
        }

        if (isIndexed)
        {
            // A word that is also another word typed without æøå ("skane": "scanne" misspelt, or "skåne") keeps the
            // other reading too, a little below its own (like a synonym), so the clause's IDF stays the word's own.
            var readings = folded.Where(s => s != token && !DanishStopwords.Contains(s)).Select(_analyzer.Term).Where(t => t != term && IsIndexedOrSynonym(t)).Distinct();
            var clause = Clause(token, [term], 1, ClauseOrigin.Exact);
            clauses.Add(clause with { Alternatives = [.. clause.Alternatives, .. readings.Select(t => new TermAlternative([t], OtherReadingWeight))] });
            return;
        }

        if (folded.Count > 0)
        {
            if (folded.All(DanishStopwords.Contains))
            {
                return;
            }

            var terms = folded.Where(s => !DanishStopwords.Contains(s)).Select(_analyzer.Term).Distinct().ToList();
            if (terms.Any(IsIndexedOrSynonym))
            {
                clauses.Add(Clause(token, terms, 1, ClauseOrigin.Folded, folded));
                return;
            }
        }

        if (InflectedTerms(token) is { Count: > 0 } baseTerms)
        {
            clauses.Add(Clause(token, baseTerms, 1, ClauseOrigin.Exact));
            return;
        }

        // A word of the lexicons is Danish spelt right and whole: never split or "corrected" into index words. A word
        // of the Danish dictionary is kept whole when its parts would be everyday words, and with
        // AnalysisOptions.RealWordsNotCorrected never corrected either.
        var isListed = _weights.IsListed(token, folded);
        var isRealWord = _analyzer.Vocabulary.Contains(token);
        guessParts = guessParts && guessable;
        var parts = _options.CompoundSplitting && guessParts && !isListed ? _compounds.Split(token) : null;

        // A dictionary word made of everyday words ("nogensinde": "nogens" + "inde") is itself an everyday word: kept
        // whole, and weighing as little as its parts would.
        if (parts is not null && isRealWord && _options.RealWords && parts.Any(p => _weights.IsListed(p, FoldedWords(p))))
        {
            clauses.Add(new QueryClause(token, [new TermAlternative([term], 1)], WordWeights.LightWordFactor, ClauseOrigin.Unknown));
            return;
        }

        if (parts is not null)
        {
            foreach (var part in parts)
            {
                var partTerms = KnownTerms(part);
                clauses.Add(Clause(part, partTerms.Count > 0 ? partTerms : InflectedTerms(part), 1, ClauseOrigin.Compound));
            }

            return;
        }

        if (_options.TypoTolerance && guessParts && !isListed && !(isRealWord && _options.RealWordsNotCorrected) && Corrected(token) is { } corrected)
        {
            clauses.Add(corrected);
            return;
        }

        // Kept with its own term (which no passage has) so that a multi-word synonym ("klemt nerve") can still match;
        // a question or everyday word the articles do not use weighs little.
        clauses.Add(new QueryClause(token, [new TermAlternative([term], 1)], isListed ? WordWeights.LightWordFactor : 1, ClauseOrigin.Unknown));
    }

    /// <summary>
    /// The clause for the index words nearest a misspelt <paramref name="token"/>, or null when none is near. The
    /// word is compared with the passages' words, then its stem with their stems: a typo in an inflection the
    /// articles never use ("forbygger") is nearer another form's stem ("forebyg") than any whole word.
    /// </summary>
    private QueryClause? Corrected(string token)
    {
        var (corrections, distance) = _typos.Correct(DanishFolding.ToDigraphs(token));
        var surfaces = corrections.SelectMany(_folded.WordsFor).Distinct().ToList();
        var terms = surfaces.Where(_index.TermBySurface.ContainsKey).Select(s => _index.TermBySurface[s]).Distinct().ToList();
        var stem = DanishFolding.ToDigraphs(_analyzer.Term(token));
        if (terms.Count == 0 && stem.Length >= MinStemLengthForTypos)
        {
            (corrections, distance) = _stemTypos.Correct(stem);
            terms = [.. corrections.SelectMany(c => _termsByDigraphs[c]).Distinct()];
            surfaces = [token];
        }

        return terms.Count == 0 ? null : Clause(token, terms, distance == 1 ? OneTypoWeight : TwoTyposWeight, ClauseOrigin.Typo, surfaces);
    }

    private QueryClause Clause(string surface, IReadOnlyList<string> terms, double weight, ClauseOrigin origin, IEnumerable<string>? surfaces = null)
    {
        var importance = !_index.TermBySurface.ContainsKey(surface) && _weights.IsMisspeltQuestionWord(surface)
            ? WordWeights.LightWordFactor
            : _weights.Importance(surfaces ?? [surface]);
        return new(surface, [.. terms.Select(t => new TermAlternative([t], weight))], importance, origin);
    }

    /// <summary>The known words <paramref name="token"/> is a form of when typed without æøå; empty when folding is off.</summary>
    private IReadOnlyList<string> FoldedWords(string token) =>
        _options.AccentFolding && _folded.TryGetWords(token, out var words) ? words : NoWords;

    private static readonly string[] NoWords = [];

    private bool IsIndexedOrSynonym(string term) => _index.Contains(term) || (_options.Synonyms && _synonyms.IsKey(term));

    private bool IsKnownWord(string word) =>
        !DanishStopwords.Contains(word) && (KnownTerms(word).Count > 0 || InflectedTerms(word).Count > 0);

    /// <summary>The index terms a word stands for, directly or typed without æøå.</summary>
    private List<string> KnownTerms(string word)
    {
        var term = _analyzer.Term(word);
        if (IsIndexedOrSynonym(term))
        {
            return [term];
        }

        return [.. FoldedWords(word).Where(s => !DanishStopwords.Contains(s)).Select(_analyzer.Term).Where(IsIndexedOrSynonym).Distinct()];
    }

    /// <summary>The terms of the first base form of an inflected word that the index knows ("iskiassen" → "iskias").</summary>
    private List<string> InflectedTerms(string word)
    {
        if (!_options.DerivationalStemming)
        {
            return [];
        }

        foreach (var baseForm in InflectionStripper.BaseForms(word, _analyzer.Vocabulary.Contains))
        {
            if (!DanishStopwords.Contains(baseForm) && KnownTerms(baseForm) is { Count: > 0 } terms)
            {
                return terms;
            }
        }

        return [];
    }
}
