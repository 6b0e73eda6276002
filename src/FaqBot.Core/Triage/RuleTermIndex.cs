namespace FaqBot.Triage;

/// <summary>
/// Every distinct word of the rules and idioms, numbered, with look-ups that find the ones a message word matches
/// without testing them all: plain words by stem and form (also without æøå), typo candidates by first letter,
/// <c>word*</c> and <c>*word</c> by the message word's beginnings and endings; only the few <c>*word*</c>, numbers and
/// negations are tested one by one. Every candidate is confirmed with <see cref="TermPattern.Matches"/>, so the index
/// only saves work, it never decides. Built once per rule set.
/// </summary>
internal sealed class RuleTermIndex
{
    private readonly List<TermPattern> _terms = [];
    private readonly Dictionary<TermPattern, int> _ids = [];
    private readonly Dictionary<WindowPattern, int[][][]> _patternIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<int>> _byStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byBareStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byBareForm = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<TypoCandidate>> _byBareFirstLetter = [];
    private readonly Affixes _prefixes = new();
    private readonly Affixes _suffixes = new();
    private readonly List<int> _testedOneByOne = [];

    public RuleTermIndex(IEnumerable<WindowPattern> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (!_patternIds.ContainsKey(pattern))
            {
                _patternIds[pattern] = [.. pattern.Elements.Select(alternatives => alternatives.Select(phrase => phrase.Select(IdOf).ToArray()).ToArray())];
            }
        }
    }

    /// <summary>How many distinct rule words there are; their ids are 0 to <c>Count - 1</c>.</summary>
    public int Count => _terms.Count;

    /// <summary>Compiles every term's typo automata now, off the request path.</summary>
    public void Prepare()
    {
        foreach (var term in _terms)
        {
            term.Prepare();
        }
    }

    /// <summary>The rule word numbered <paramref name="id"/>.</summary>
    public TermPattern TermAt(int id) => _terms[id];

    /// <summary>The term ids of <paramref name="pattern"/>: per element, per alternative phrase, per word.</summary>
    public int[][][] IdsOf(WindowPattern pattern) => _patternIds[pattern];

    /// <summary>The ids of the rule words <paramref name="token"/> matches (<see cref="TermPattern.Matches"/>), ascending.</summary>
    public int[] Matching(TriageToken token)
    {
        // Most words of a message match no rule word: nothing is allocated for them.
        List<int>? found = null;
        AddAll(_byStem, token.Stem, ref found);
        AddAll(_byForm, token.Form, ref found);
        if (token.IsTypedWithoutDanishLetters)
        {
            AddAll(_byBareForm, token.Form, ref found);
            AddAll(_byBareStem, token.Stem, ref found);
        }

        // A typo is only ever tolerated in a word of five letters or more that the rules do not name, and never in its
        // first letter (see WordTerm): the other plain words cannot match.
        if (!token.IsKnownWord && token.Form.Length >= 5 && _byBareFirstLetter.TryGetValue(token.BareForm[0], out var sameFirstLetter))
        {
            var stemLetters = LetterMask(token.Stem);
            var formLetters = LetterMask(token.Form);
            foreach (var candidate in sameFirstLetter)
            {
                if (candidate.MayBeTypoOf(stemLetters, formLetters) && !Contains(found, candidate.Id) && _terms[candidate.Id].Matches(token))
                {
                    Add(ref found, candidate.Id);
                }
            }
        }

        AddAffixMatches(token.Form, token, ref found);
        if (!token.IsTypedWithoutDanishLetters)
        {
            // Its bare letters too: a word typed with only some of its æøå meets a fragment by them (see WildcardTerm).
            AddAffixMatches(token.BareForm, token, ref found);
        }

        AddMatching(_testedOneByOne, token, ref found);
        if (found is null)
        {
            return [];
        }

        var ids = found.ToArray();
        Array.Sort(ids);
        return ids;
    }

    private int IdOf(TermPattern term)
    {
        if (_ids.TryGetValue(term, out var id))
        {
            return id;
        }

        id = _terms.Count;
        _terms.Add(term);
        _ids[term] = id;
        if (term is WordTerm word)
        {
            Add(_byStem, word.Stem, id);
            Add(_byForm, word.Form, id);
            Add(_byBareStem, Analysis.DanishFolding.ToBareLetters(word.Stem), id);
            Add(_byBareForm, Analysis.DanishFolding.ToBareLetters(word.Form), id);
            var bareForm = Analysis.DanishFolding.ToBareLetters(word.Form);
            if (bareForm.Length > 0)
            {
                if (!_byBareFirstLetter.TryGetValue(bareForm[0], out var list))
                {
                    list = [];
                    _byBareFirstLetter[bareForm[0]] = list;
                }

                // Typo matching compares the stems, the forms, and the form with the rule word's bare letters.
                list.Add(new TypoCandidate(id, LetterMask(word.Stem), LetterMask(word.Form), LetterMask(bareForm), 2 * Math.Max(word.Tolerance, 1)));
            }
        }
        else if (term is WildcardTerm { Fragment.Length: > 0 } wildcard && wildcard.AnyStart != wildcard.AnyEnd)
        {
            // The fragment as written, and without æøå (which only longer fragments also match: see WildcardTerm).
            var affixes = wildcard.AnyEnd ? _prefixes : _suffixes;
            affixes.Add(wildcard.Fragment, id);
            affixes.Add(Analysis.DanishFolding.ToBareLetters(wildcard.Fragment), id);
        }
        else
        {
            _testedOneByOne.Add(id);
        }

        return id;
    }

    private void AddAffixMatches(string word, TriageToken token, ref List<int>? found)
    {
        var form = word.AsSpan();
        for (var length = 1; length <= Math.Min(form.Length, _prefixes.Longest); length++)
        {
            AddMatching(_prefixes.Find(form[..length]), token, ref found);
        }

        for (var length = 1; length <= Math.Min(form.Length, _suffixes.Longest); length++)
        {
            AddMatching(_suffixes.Find(form[^length..]), token, ref found);
        }
    }

    private void AddMatching(List<int>? candidates, TriageToken token, ref List<int>? found)
    {
        if (candidates is null)
        {
            return;
        }

        foreach (var id in candidates)
        {
            if (!Contains(found, id) && _terms[id].Matches(token))
            {
                Add(ref found, id);
            }
        }
    }

    private static void AddAll(Dictionary<string, List<int>> index, string key, ref List<int>? found)
    {
        if (index.TryGetValue(key, out var ids))
        {
            foreach (var id in ids)
            {
                if (!Contains(found, id))
                {
                    Add(ref found, id);
                }
            }
        }
    }

    private static bool Contains(List<int>? found, int id) => found is not null && found.Contains(id);

    private static void Add(ref List<int>? found, int id) => (found ??= []).Add(id);

    private static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            ids = [];
            index[key] = ids;
        }

        ids.Add(id);
    }

    /// <summary>
    /// The letters a word contains, one bit each (letters beyond a–z share the upper bits). One edit changes at most
    /// two bits, so words whose masks differ in more than twice the tolerated edits cannot be typos of each other.
    /// </summary>
    private static ulong LetterMask(string word)
    {
        var mask = 0UL;
        foreach (var c in word)
        {
            mask |= 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 38));
        }

        return mask;
    }

    /// <summary>A plain rule word as a possible typo target, with the letter masks that rule most message words out cheaply.</summary>
    private readonly record struct TypoCandidate(int Id, ulong StemLetters, ulong FormLetters, ulong BareFormLetters, int MaxMaskDifference)
    {
        public bool MayBeTypoOf(ulong stemLetters, ulong formLetters) =>
            ulong.PopCount(stemLetters ^ StemLetters) <= (ulong)MaxMaskDifference
            || ulong.PopCount(formLetters ^ FormLetters) <= (ulong)MaxMaskDifference
            || ulong.PopCount(formLetters ^ BareFormLetters) <= (ulong)MaxMaskDifference;
    }

    /// <summary>Rule words by a fragment a message word must begin (or end) with, looked up by span.</summary>
    private sealed class Affixes
    {
        private readonly Dictionary<string, List<int>> _byFragment = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Affixes() => _lookup = _byFragment.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The longest fragment: a message word's longer beginnings need no look-up.</summary>
        public int Longest { get; private set; }

        public void Add(string fragment, int id)
        {
            if (!_byFragment.TryGetValue(fragment, out var ids))
            {
                ids = [];
                _byFragment[fragment] = ids;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }

            Longest = Math.Max(Longest, fragment.Length);
        }

        public List<int>? Find(ReadOnlySpan<char> fragment) => _lookup.TryGetValue(fragment, out var ids) ? ids : null;
    }
}
