using FaqBot.Analysis;
using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// Turns a patient's question into clauses of index terms. Each word goes through the analysis chain, and when
/// its stem is not in the index, through FaqBot's additions in turn: æøå folding, the synonym lexicon, compound
/// splitting and typo correction. English questions are translated word by word first.
/// </summary>
public sealed class QueryParser
{
    private const double FoldedWeight = 1.0;
    private const double SynonymWeight = 0.9;

    private static readonly string[] EnglishEndings = ["ing", "ed", "es", "s", "d"];
    private const double EnglishWeight = 0.9;
    private const double OneTypoWeight = 0.8;
    private const double TwoTyposWeight = 0.6;

    /// <summary>How much a question word ("hvordan", "gøre") counts next to a topic word.</summary>
    private const double QuestionWordFactor = 0.2;

    /// <summary>How much a word of a message's story counts next to a word of its question sentence.</summary>
    private const double NarrativeFactor = 0.5;

    /// <summary>How much a word for something the articles do not cover ("skulder", "pris") counts: it is the topic.</summary>
    private const double OffTopicFactor = 3.0;

    private readonly PassageIndex _index;
    private readonly Lexicon _lexicon;
    private readonly AnalysisOptions _options;
    private readonly DanishTermAnalyzer _analyzer;
    private readonly Dictionary<string, List<string>> _surfacesByFoldedKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _questionWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lightTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TermAlternative>> _synonymsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TermAlternative>> _englishByKey = new(StringComparer.Ordinal);
    private readonly int _longestSynonymKey;
    private readonly int _longestEnglishKey;
    private readonly TypoCorrector _typos;
    private readonly CompoundSplitter _compounds;

    /// <summary>Prepares the look-ups for <paramref name="index"/> and <paramref name="lexicon"/>.</summary>
    public QueryParser(PassageIndex index, Lexicon lexicon)
    {
        _index = index;
        _lexicon = lexicon;
        _analyzer = index.Analyzer;
        _options = _analyzer.Options;

        foreach (var word in lexicon.QuestionWords)
        {
            _questionWords.Add(word);
        }

        // The stems of question words, so a misspelt or folded one ("komer") stays light too. (Not everyday
        // words: their stems meet topic words too often, e.g. "side" and "sidder".)
        foreach (var word in lexicon.QuestionWords)
        {
            _lightTerms.Add(_analyzer.Term(word));
        }

        foreach (var group in lexicon.SynonymGroups)
        {
            var members = group.Select(_analyzer.Terms).Where(terms => terms.Count > 0).ToList();
            foreach (var member in members)
            {
                var key = string.Join(' ', member);
                if (!_synonymsByKey.TryGetValue(key, out var alternatives))
                {
                    alternatives = [];
                    _synonymsByKey[key] = alternatives;
                }

                foreach (var other in members)
                {
                    var isSame = other.SequenceEqual(member) || alternatives.Any(a => a.Terms.SequenceEqual(other));
                    if (!isSame)
                    {
                        alternatives.Add(new TermAlternative([.. other], SynonymWeight));
                    }
                }

                _longestSynonymKey = Math.Max(_longestSynonymKey, member.Count);
            }
        }

        foreach (var (english, danish) in lexicon.EnglishToDanish)
        {
            var key = string.Join(' ', Tokenizer.Tokenize(english));
            _englishByKey[key] = [.. danish.Select(_analyzer.Terms).Where(t => t.Count > 0).Select(t => new TermAlternative([.. t], EnglishWeight))];
            _longestEnglishKey = Math.Max(_longestEnglishKey, key.Count(c => c == ' ') + 1);
        }

        // Words patients may type without æøå: the index's own, the stopwords, and the lexicons' words.
        var knownSurfaces = index.TermBySurface.Keys
            .Concat(DanishStopwords.Words)
            .Concat(_questionWords)
            .Concat(lexicon.EverydayWords)
            .Concat(lexicon.OffTopicWords)
            .Concat(lexicon.SynonymGroups.SelectMany(g => g).SelectMany(m => Tokenizer.Tokenize(m)));
        foreach (var surface in knownSurfaces)
        {
            AddFolded(DanishFolding.ToDigraphs(surface), surface);
            AddFolded(DanishFolding.ToBareLetters(surface), surface);
        }

        _typos = new TypoCorrector(index.TermBySurface.Keys.Select(DanishFolding.ToDigraphs));
        _compounds = new CompoundSplitter(IsKnownWord);
    }

    /// <summary>Analyses a question.</summary>
    public ParsedQuery Parse(string question)
    {
        var tokens = Tokenizer.Tokenize(question);
        var isEnglish = _options.English && LooksEnglish(tokens);
        var sentences = Sentences.Split(question);
        var asks = sentences.Count(s => s.EndsWith('?'));
        if (asks == 0 || asks == sentences.Count)
        {
            var whole = ParseSentence(question, isEnglish);
            return new ParsedQuery(whole, isEnglish, AsksDefinition(tokens, whole));
        }

        // A long message tells a story and then asks: the story is context, the question is what to answer.
        var clauses = new List<QueryClause>();
        foreach (var sentence in sentences)
        {
            var factor = sentence.EndsWith('?') ? 1 : NarrativeFactor;
            clauses.AddRange(ParseSentence(sentence, isEnglish).Select(c => c with { Importance = c.Importance * factor }));
        }

        return new ParsedQuery(clauses, isEnglish);
    }

    /// <summary>"Hvad er X", "hvad betyder X", "what is X" about one or two topic words.</summary>
    private static bool AsksDefinition(List<string> tokens, List<QueryClause> clauses)
    {
        var opening = tokens.Count >= 3 ? $"{tokens[0]} {tokens[1]}" : "";
        var isDefinitionOpening = opening is "hvad er" or "hvad betyder" or "what is" or "what does" or "what s";

        // "Hvad er iskias …", not "hvad er det, der giver iskias": the thing asked about follows at once.
        var subject = tokens.Count >= 3 ? tokens[2] : "";
        var namesSubject = !DanishStopwords.Contains(subject) && subject is not ("the" or "a" or "an" or "it");
        var topics = clauses.Count(c => c.Importance >= 1);
        return isDefinitionOpening && namesSubject && topics is >= 1 and <= 3;
    }

    private List<QueryClause> ParseSentence(string text, bool isEnglish)
    {
        var tokens = Tokenizer.Tokenize(text);
        var clauses = new List<QueryClause>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (isEnglish)
            {
                var consumed = TranslateEnglish(tokens, i, clauses);
                if (consumed > 0)
                {
                    i += consumed - 1;
                    continue;
                }

                if (_lexicon.EnglishStopwords.Contains(tokens[i]))
                {
                    continue;
                }
            }

            ResolveDanish(tokens[i], clauses);
        }

        if (_options.Synonyms)
        {
            ExpandSynonyms(clauses);
        }

        return clauses;
    }

    private void ResolveDanish(string token, List<QueryClause> clauses)
    {
        if (DanishStopwords.Contains(token) || token.All(char.IsDigit))
        {
            // Numbers ("58 år", "30 km") rarely decide the topic and are never in a lexicon.
            if (token.All(char.IsDigit) && _index.Contains(token))
            {
                clauses.Add(Clause(token, [token], 1, ClauseOrigin.Exact));
            }

            return;
        }

        var term = _analyzer.Term(token);
        if (IsOffTopic(token))
        {
            // Even where an article mentions it in passing, a question about it is not one the articles answer.
            clauses.Add(new QueryClause(token, [], OffTopicFactor, ClauseOrigin.Unknown));
            return;
        }

        if (_index.Contains(term) || IsSynonymKey(term))
        {
            clauses.Add(Clause(token, [term], 1, ClauseOrigin.Exact));
            return;
        }

        if (_options.AccentFolding && _surfacesByFoldedKey.TryGetValue(token, out var surfaces))
        {
            if (surfaces.All(DanishStopwords.Contains))
            {
                return;
            }

            var terms = surfaces.Where(s => !DanishStopwords.Contains(s)).Select(_analyzer.Term).Distinct().ToList();
            if (terms.Any(t => _index.Contains(t) || IsSynonymKey(t)))
            {
                clauses.Add(Clause(token, terms, FoldedWeight, ClauseOrigin.Folded, surfaces));
                return;
            }
        }

        if (InflectedTerms(token) is { Count: > 0 } baseTerms)
        {
            clauses.Add(Clause(token, baseTerms, 1, ClauseOrigin.Exact));
            return;
        }

        if (_options.CompoundSplitting && _compounds.Split(token) is { } parts)
        {
            foreach (var part in parts)
            {
                var partTerms = KnownTerms(part);
                clauses.Add(Clause(part, partTerms.Count > 0 ? partTerms : InflectedTerms(part), 1, ClauseOrigin.Compound));
            }

            return;
        }

        // A word of the lexicons is Danish spelt right: never "correct" it into a different index word.
        if (_options.TypoTolerance && !IsLexiconWord(token))
        {
            var (corrections, distance) = _typos.Correct(DanishFolding.ToDigraphs(token));
            if (corrections.Count > 0)
            {
                var correctedSurfaces = corrections.SelectMany(c => _surfacesByFoldedKey.TryGetValue(c, out var s) ? s : [c]).Distinct().ToList();
                var terms = correctedSurfaces.Where(_index.TermBySurface.ContainsKey).Select(s => _index.TermBySurface[s]).Distinct().ToList();
                if (terms.Count > 0)
                {
                    clauses.Add(Clause(token, terms, distance == 1 ? OneTypoWeight : TwoTyposWeight, ClauseOrigin.Typo, correctedSurfaces));
                    return;
                }
            }
        }

        // Kept with its own term (which no passage has) so that a multi-word synonym ("klemt nerve") can still match.
        // An everyday word the articles do not use ("weekend", "datter") says little about whether they cover the question.
        var importance = _lexicon.EverydayWords.Contains(token) || IsEverydayInflection(token) ? QuestionWordFactor : Importance([token]);
        clauses.Add(new QueryClause(token, [new TermAlternative([term], 1)], importance, ClauseOrigin.Unknown));
    }

    /// <summary>Consumes the longest English lexicon phrase starting at <paramref name="start"/>; returns its length, 0 if none.</summary>
    private int TranslateEnglish(List<string> tokens, int start, List<QueryClause> clauses)
    {
        for (var length = Math.Min(_longestEnglishKey, tokens.Count - start); length >= 1; length--)
        {
            var key = string.Join(' ', tokens.Skip(start).Take(length));
            if (_englishByKey.TryGetValue(key, out var alternatives))
            {
                if (alternatives.Count > 0)
                {
                    clauses.Add(new QueryClause(key, alternatives, Importance([key]), ClauseOrigin.English));
                }

                return length;
            }
        }

        // An inflected English word the lexicon lists in its base form: "stressed", "exercises", "treated".
        foreach (var baseForm in EnglishBaseForms(tokens[start]))
        {
            if (_englishByKey.TryGetValue(baseForm, out var alternatives) && alternatives.Count > 0)
            {
                clauses.Add(new QueryClause(tokens[start], alternatives, Importance([baseForm]), ClauseOrigin.English));
                return 1;
            }
        }

        return 0;
    }

    private static IEnumerable<string> EnglishBaseForms(string word)
    {
        foreach (var ending in EnglishEndings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = word[..^ending.Length];
                yield return stem;
                yield return stem + "e";
                if (stem[^1] == stem[^2])
                {
                    yield return stem[..^1];
                }
            }
        }
    }

    /// <summary>English when English function words outnumber Danish ones: "Do I need an MRI?".</summary>
    private bool LooksEnglish(List<string> tokens)
    {
        var english = 0;
        var danish = 0;
        foreach (var token in tokens)
        {
            if (_lexicon.EnglishStopwords.Contains(token) || _englishByKey.ContainsKey(token))
            {
                english++;
            }

            if (DanishStopwords.Contains(token) || _index.TermBySurface.ContainsKey(token))
            {
                danish++;
            }
        }

        return english >= 2 && english > danish;
    }

    /// <summary>Adds synonym alternatives; a multi-word synonym ("nerve i klemme") merges the clauses it spans.</summary>
    private void ExpandSynonyms(List<QueryClause> clauses)
    {
        for (var i = 0; i < clauses.Count; i++)
        {
            for (var length = Math.Min(_longestSynonymKey, clauses.Count - i); length >= 1; length--)
            {
                var span = clauses.GetRange(i, length);
                if (span.Any(c => c.Alternatives.Count == 0))
                {
                    continue;
                }

                var phrase = span.Select(c => c.Alternatives[0].Terms[0]).ToArray();
                if (!_synonymsByKey.TryGetValue(string.Join(' ', phrase), out var synonyms))
                {
                    continue;
                }

                var alternatives = length == 1
                    ? [.. span[0].Alternatives, .. synonyms]
                    : new List<TermAlternative> { new(phrase, 1) }.Concat(synonyms).ToList();
                var surface = string.Join(' ', span.Select(c => c.Surface));
                var origin = length == 1 ? span[0].Origin : ClauseOrigin.Lexicon;
                clauses.RemoveRange(i, length);
                clauses.Insert(i, new QueryClause(surface, alternatives, Importance(span.Select(c => c.Surface)), origin));
                break;
            }
        }
    }

    private QueryClause Clause(string surface, IReadOnlyList<string> terms, double weight, ClauseOrigin origin, IEnumerable<string>? surfaces = null)
    {
        var alternatives = terms.Select(t => new TermAlternative([t], weight)).ToList();
        var importance = terms.Count > 0 && terms.All(_lightTerms.Contains) ? QuestionWordFactor : Importance(surfaces ?? [surface]);
        return new QueryClause(surface, alternatives, importance, origin);
    }

    /// <summary>Question words ("hvordan", "gøre") and everyday words ("flere", "samme") count a fifth of a topic word.</summary>
    private double Importance(IEnumerable<string> surfaces) =>
        surfaces.All(s => _questionWords.Contains(s) || _lexicon.EverydayWords.Contains(s)) ? QuestionWordFactor : 1;

    private bool IsOffTopic(string token) =>
        _lexicon.OffTopicWords.Contains(token)
        || InflectionStripper.BaseForms(token).Any(_lexicon.OffTopicWords.Contains)
        || (_options.AccentFolding && _surfacesByFoldedKey.TryGetValue(token, out var surfaces) && surfaces.Any(_lexicon.OffTopicWords.Contains))
        || (_options.CompoundSplitting && _compounds.Split(token) is { } parts && _lexicon.OffTopicWords.Contains(parts[^1]));

    private bool IsLexiconWord(string token) =>
        _questionWords.Contains(token) || _lexicon.EverydayWords.Contains(token) || IsEverydayInflection(token);

    private bool IsEverydayInflection(string token) =>
        InflectionStripper.BaseForms(token).Any(_lexicon.EverydayWords.Contains)
        || (_options.AccentFolding && _surfacesByFoldedKey.TryGetValue(token, out var surfaces) && surfaces.Any(_lexicon.EverydayWords.Contains));

    private bool IsSynonymKey(string term) => _options.Synonyms && _synonymsByKey.ContainsKey(term);

    private bool IsKnownWord(string word) =>
        !DanishStopwords.Contains(word) && (KnownTerms(word).Count > 0 || InflectedTerms(word).Count > 0);

    /// <summary>The index terms a word stands for, directly or typed without æøå.</summary>
    private List<string> KnownTerms(string word)
    {
        var term = _analyzer.Term(word);
        if (_index.Contains(term) || IsSynonymKey(term))
        {
            return [term];
        }

        if (_options.AccentFolding && _surfacesByFoldedKey.TryGetValue(word, out var surfaces))
        {
            var folded = surfaces.Where(s => !DanishStopwords.Contains(s)).Select(_analyzer.Term).Where(t => _index.Contains(t) || IsSynonymKey(t)).Distinct().ToList();
            if (folded.Count > 0)
            {
                return folded;
            }
        }

        return [];
    }

    /// <summary>The terms of the first base form of an inflected word that the index knows ("iskiassen" → "iskias").</summary>
    private List<string> InflectedTerms(string word)
    {
        if (!_options.DerivationalStemming)
        {
            return [];
        }

        foreach (var baseForm in InflectionStripper.BaseForms(word))
        {
            if (!DanishStopwords.Contains(baseForm) && KnownTerms(baseForm) is { Count: > 0 } terms)
            {
                return terms;
            }
        }

        return [];
    }

    private void AddFolded(string key, string surface)
    {
        if (key == surface)
        {
            return;
        }

        if (!_surfacesByFoldedKey.TryGetValue(key, out var surfaces))
        {
            surfaces = [];
            _surfacesByFoldedKey[key] = surfaces;
        }

        if (!surfaces.Contains(surface))
        {
            surfaces.Add(surface);
        }
    }
}
