using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static FaqBot.Triage.Learned.NgramLinearScorer;

namespace FaqBot.Triage.Learned;

/// <summary>
/// Reads a trained ML.NET text classifier — the text featurizer (word and character n-grams, L2 norm) and a
/// Platt-calibrated linear binary model — into a <see cref="NgramLinearScorer"/>: the feature slots by their names (the
/// few that ML.NET names alike found by asking its featurizer), the weights, bias and calibration, and what its text
/// normaliser makes of each UTF-16 unit.
/// </summary>
internal static class NgramLinearModelReader
{
    private const string CharSlotPrefix = "Char.";
    private const string WordSlotPrefix = "Word.";
    private const char SlotNameSeparator = '|';

    /// <summary>ML.NET names a control character or space by its Unicode control picture: U+0002 is "&lt;␂&gt;".</summary>
    private const char ControlPictures = '\u2400';

    /// <summary>
    /// The scorer for <paramref name="model"/>, or null when it is not a text featurizer (word 1–2-grams, character
    /// 1–4-grams, L2 norm) followed by a Platt-calibrated linear binary model, or its slot names cannot be read back.
    /// </summary>
    public static NgramLinearScorer? TryRead(MLContext context, ITransformer model, IEstimator<ITransformer> normalizer)
    {
        // A chain as trained (typed by its last step) or as loaded from a file (typed as any transformer).
        if (model is not IEnumerable<ITransformer> chain
            || chain.LastOrDefault() is not BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> predictor)
        {
            return null;
        }

        var empty = context.Data.LoadFromEnumerable(new List<RedFlagClassifier.Row>(), SchemaDefinition.Create(typeof(RedFlagClassifier.Row)));
        var features = model.Transform(empty).Schema[predictor.FeatureColumnName];
        if (!features.HasSlotNames())
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        features.GetSlotNames(ref names);
        var charSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        var unnamed = new List<(int Slot, char?[] Units)>();
        var slot = 0;
        foreach (var name in names.DenseValues().Select(n => n.ToString()))
        {
            if (name.StartsWith(WordSlotPrefix, StringComparison.Ordinal) && WordNgram(name) is { } words)
            {
                if (!wordSlots.TryAdd(words, slot))
                {
                    return null;
                }
            }
            else if (name.StartsWith(CharSlotPrefix, StringComparison.Ordinal) && CharNgram(name) is { } units)
            {
                if (units.Contains(null))
                {
                    unnamed.Add((slot, units));
                }
                else if (!charSlots.TryAdd(new string([.. units.Select(u => u!.Value)]), slot))
                {
                    return null;
                }
            }
            else
            {
                return null;
            }

            slot++;
        }

        if (unnamed.Count > 0 && !Identify(context, chain.First(), predictor.FeatureColumnName, unnamed, charSlots))
        {
            return null;
        }

        var weights = predictor.Model.SubModel.Weights.ToArray();
        if (weights.Length != slot || NormalizationTable(context, normalizer) is not { } normalized)
        {
            return null;
        }

        return new NgramLinearScorer(
            normalized, charSlots, wordSlots, weights, predictor.Model.SubModel.Bias,
            predictor.Model.Calibrator.Slope, predictor.Model.Calibrator.Offset);
    }

    /// <summary>A word slot's n-gram as the scorer looks it up (words joined by spaces), or null when it is not one.</summary>
    private static string? WordNgram(string name)
    {
        // Words never hold a space (they are split at spaces); one that held the separator would make the name
        // ambiguous, but then the separator is a character of the texts and its own character slot is refused below.
        var words = name[WordSlotPrefix.Length..].Split(SlotNameSeparator);
        return words.Length <= MaxWordNgram && words.All(w => w.Length > 0) ? string.Join(WordSeparator, words) : null;
    }

    /// <summary>
    /// A character slot's units: each the character itself, or a control character or space by its control picture;
    /// null for a unit ML.NET names otherwise (a surrogate, a C1 control), found by <see cref="Identify"/>. Null for
    /// the whole name when it cannot be read (the separator itself was a character of the texts).
    /// </summary>
    private static char?[]? CharNgram(string name)
    {
        var parts = name[CharSlotPrefix.Length..].Split(SlotNameSeparator);
        if (parts.Length > MaxCharNgram)
        {
            return null;
        }

        var units = new char?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                return null;
            }

            units[i] = part.Length == 1 ? part[0]
                : part.Length == 3 && part[0] == '<' && part[2] == '>' && part[1] is >= ControlPictures and <= (char)(ControlPictures + ' ')
                    ? (char)(part[1] - ControlPictures)
                    : null;
        }

        return units;
    }

    /// <summary>
    /// Finds the units of the slots whose names do not say them (ML.NET names every surrogate alike) by asking the
    /// model's own featurizer: first which such units it knows (one text per candidate unit, reading which one-unit slot
    /// it fills), then, for each longer slot, which combination of them fills it. False unless each slot is found once.
    /// </summary>
    private static bool Identify(MLContext context, ITransformer featurizer, string column, List<(int Slot, char?[] Units)> unnamed, Dictionary<string, int> charSlots)
    {
        var singles = unnamed.Where(u => u.Units.Length == 1).Select(u => u.Slot).ToHashSet();
        var candidates = Enumerable.Range(0x7F, 0x21).Concat(Enumerable.Range(0xD800, 0x800)).Concat([0x2028, 0x2029]).Select(u => (char)u).ToList();
        var known = new List<char>();
        foreach (var (unit, filled) in candidates.Zip(FilledSlots(context, featurizer, column, candidates.Select(c => c.ToString()))))
        {
            if (filled.Where(singles.Contains).ToList() is [var single])
            {
                known.Add(unit);
                if (!charSlots.TryAdd(unit.ToString(), single))
                {
                    return false;
                }
            }
        }

        // Shorter n-grams first: every part of a slot's n-gram has a slot of its own (all lengths are extracted from the
        // same texts), so only readings whose two shorter parts are known can be right; the featurizer picks among them.
        for (var length = 2; length <= MaxCharNgram; length++)
        {
            var slots = unnamed.Where(u => u.Units.Length == length).ToList();
            var readings = slots.Select(u => Readings(u.Units, known)
                .Select(units => new string(units))
                .Where(ngram => charSlots.ContainsKey(ngram[..^1]) && charSlots.ContainsKey(ngram[1..]))
                .ToList()).ToList();
            var texts = readings.SelectMany(r => r).Select(ngram => ngram.TrimStart(TextStartMarker).TrimEnd(TextEndMarker));
            using var filledByText = FilledSlots(context, featurizer, column, texts).GetEnumerator();
            for (var i = 0; i < slots.Count; i++)
            {
                var found = new List<string>();
                foreach (var ngram in readings[i])
                {
                    filledByText.MoveNext();
                    if (filledByText.Current.Contains(slots[i].Slot))
                    {
                        found.Add(ngram);
                    }
                }

                if (found is not [var only] || !charSlots.TryAdd(only, slots[i].Slot))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Every way of filling <paramref name="units"/>' unknown places with <paramref name="known"/> units.</summary>
    private static IEnumerable<char[]> Readings(char?[] units, List<char> known)
    {
        IEnumerable<char[]> readings = [[]];
        foreach (var unit in units)
        {
            readings = unit is { } fixedUnit
                ? readings.Select(r => (char[])[.. r, fixedUnit])
                : readings.SelectMany(r => known.Select(k => (char[])[.. r, k]));
        }

        return readings;
    }

    /// <summary>The feature slots ML.NET's featurizer fills for each text.</summary>
    private static IEnumerable<HashSet<int>> FilledSlots(MLContext context, ITransformer featurizer, string column, IEnumerable<string> texts)
    {
        var data = featurizer.Transform(context.Data.LoadFromEnumerable(texts.Select(t => new RedFlagClassifier.Row { Text = t })));
        foreach (var features in data.GetColumn<VBuffer<float>>(column))
        {
            var filled = new HashSet<int>();
            foreach (var (index, value) in features.Items())
            {
                if (value != 0)
                {
                    filled.Add(index);
                }
            }

            yield return filled;
        }
    }

    /// <summary>
    /// What ML.NET's normaliser (as configured for the model) makes of each UTF-16 unit on its own: it works unit by unit,
    /// so the table is exact. Null when some unit becomes more than one.
    /// </summary>
    private static int[]? NormalizationTable(MLContext context, IEstimator<ITransformer> normalizer)
    {
        // Every unit followed by a separator the normaliser keeps as it is, in one text; the separator on its own.
        const char separator = '\u0001';
        var units = Enumerable.Range(0, char.MaxValue + 1).Select(unit => (char)unit).Where(unit => unit != separator).ToList();
        var rows = new[] { string.Concat(units.Select(unit => $"{unit}{separator}")), separator.ToString() }
            .Select(text => new RedFlagClassifier.Row { Text = text }).ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        var normalized = context.Data.CreateEnumerable<NormalizedRow>(normalizer.Fit(data).Transform(data), reuseRowObject: false)
            .Select(row => row.Normalized).ToList();
        var pieces = normalized[0].Split(separator);
        if (normalized[1] != separator.ToString() || pieces.Length != units.Count + 1 || pieces.Any(piece => piece.Length > 1))
        {
            return null;
        }

        var table = new int[char.MaxValue + 1];
        table[separator] = separator;
        for (var i = 0; i < units.Count; i++)
        {
            table[units[i]] = pieces[i].Length == 0 ? Dropped : pieces[i][0];
        }

        return table;
    }

    private sealed class NormalizedRow
    {
        public string Normalized { get; set; } = "";
    }
}
