using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;

namespace FaqBot.Analysis.Vocabulary;

/// <summary>
/// Every word form a Hunspell dictionary accepts (without compounding and names): each <c>.dic</c> entry with the prefixes and
/// suffixes its flags allow (two suffix levels, and prefix × suffix where both are cross products). The forms are
/// proposed from the <c>.aff</c> rules' letters and kept only when Lucene's <see cref="HunspellStemFilter"/> over
/// Lucene's Hunspell <see cref="Dictionary"/> stems the form back to its entry, so Lucene decides the affix
/// conditions, <c>NEEDAFFIX</c> and <c>ONLYINCOMPOUND</c>. Used at build time (<c>faqbot build-vocabulary</c>):
/// Lucene needs seconds to read the Danish dictionary, too long for start-up.
/// </summary>
public sealed class HunspellWordForms
{
    private readonly Dictionary<string, List<AffixRule>> _rules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excludedFlags = new(StringComparer.Ordinal);
    private string _flagFormat = "char";

    private HunspellWordForms()
    {
    }

    /// <summary>The lower-case word forms of the dictionary <paramref name="affixPath"/> + <paramref name="dictionaryPath"/>.</summary>
    public static List<string> Read(string affixPath, string dictionaryPath)
    {
        var forms = new HunspellWordForms();
        forms.ReadAffixes(File.ReadLines(affixPath));
        Dictionary dictionary;
        using (var affix = File.OpenRead(affixPath))
        using (var words = File.OpenRead(dictionaryPath))
        {
            dictionary = new Dictionary(affix, words);
        }

        using var stemmer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new HunspellStemFilter(tokenizer, dictionary, dedup: true, longestOnly: false));
        });

        // The first line of a .dic file is its entry count. Lucene's dictionary is read-only once built and the
        // analyzer keeps one token stream per thread, so the entries are checked in parallel.
        return File.ReadLines(dictionaryPath).Skip(1).AsParallel().SelectMany(line =>
        {
            var (entry, flags) = forms.ParseEntry(line);
            // A capitalised entry is a name ("Mann"): lower-cased it would keep a patient's typo ("mann" for "man")
            // from being corrected.
            if (entry.Length == 0 || char.IsUpper(entry[0]) || flags.Any(forms._excludedFlags.Contains))
            {
                return [];
            }

            return forms.Candidates(entry, flags)
                .Where(form => TokenText.Of(stemmer, form).Contains(entry, StringComparer.Ordinal))
                .Select(form => form.ToLowerInvariant());
        }).ToList();
    }

    private void ReadAffixes(IEnumerable<string> lines)
    {
        var crossProduct = new Dictionary<string, bool>(StringComparer.Ordinal);
        var conditions = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (fields)
            {
                case ["FLAG", var format, ..]:
                    _flagFormat = format;
                    break;
                case ["FORBIDDENWORD" or "ONLYINCOMPOUND", var flag, ..]:
                    _excludedFlags.Add(flag);
                    break;
                case ["PFX" or "SFX", var flag, var cross, _] when cross is "Y" or "N":
                    crossProduct[flag] = cross == "Y";
                    break;
                case ["PFX" or "SFX", var flag, var strip, var add, ..]:
                    var slash = add.IndexOf('/', StringComparison.Ordinal);
                    var continuation = slash < 0 ? [] : ParseFlags(add[(slash + 1)..]);
                    add = slash < 0 ? add : add[..slash];
                    var isPrefix = fields[0] == "PFX";
                    var condition = ConditionOf(fields.Length > 4 ? fields[4] : ".", isPrefix, conditions);
                    var rule = new AffixRule(isPrefix, crossProduct.GetValueOrDefault(flag), strip == "0" ? "" : strip, add == "0" ? "" : add, continuation, condition);
                    if (!_rules.TryGetValue(flag, out var rules))
                    {
                        _rules[flag] = rules = [];
                    }

                    rules.Add(rule);
                    break;
            }
        }
    }

    // Hunspell conditions are a subset of regular expressions (letters, ".", "[...]", "[^...]").
    private static Regex ConditionOf(string condition, bool isPrefix, Dictionary<string, Regex> cache)
    {
        var key = (isPrefix ? "^" : "") + condition + (isPrefix ? "" : "$");
        if (!cache.TryGetValue(key, out var regex))
        {
            cache[key] = regex = new Regex(key, RegexOptions.CultureInvariant);
        }

        return regex;
    }

    private (string Entry, IReadOnlyList<string> Flags) ParseEntry(string line)
    {
        var end = line.IndexOfAny(['\t', ' ']);
        var text = end < 0 ? line : line[..end];
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        while (slash > 0 && text[slash - 1] == '\\')
        {
            slash = text.IndexOf('/', slash + 1);
        }

        return slash < 0 ? (text.Replace("\\/", "/", StringComparison.Ordinal), []) : (text[..slash].Replace("\\/", "/", StringComparison.Ordinal), ParseFlags(text[(slash + 1)..]));
    }

    private IReadOnlyList<string> ParseFlags(string flags) => _flagFormat switch
    {
        "num" => flags.Split(',', StringSplitOptions.RemoveEmptyEntries),
        "long" => [.. flags.Chunk(2).Select(pair => new string(pair))],
        _ => [.. flags.Select(c => c.ToString())],
    };

    private HashSet<string> Candidates(string entry, IReadOnlyList<string> flags)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal) { entry };
        var rules = flags.SelectMany(f => _rules.GetValueOrDefault(f) ?? []).ToList();
        var suffixed = new List<(string Form, bool Cross)>();
        foreach (var suffix in rules.Where(r => !r.IsPrefix))
        {
            if (suffix.ApplyTo(entry) is not { } form)
            {
                continue;
            }

            candidates.Add(form);
            suffixed.Add((form, suffix.CrossProduct));
            foreach (var second in suffix.Continuation.SelectMany(f => _rules.GetValueOrDefault(f) ?? []).Where(r => !r.IsPrefix))
            {
                if (second.ApplyTo(form) is { } twice)
                {
                    candidates.Add(twice);
                }
            }
        }

        foreach (var prefix in rules.Where(r => r.IsPrefix))
        {
            if (prefix.ApplyTo(entry) is { } form)
            {
                candidates.Add(form);
            }

            foreach (var (suffixedForm, cross) in suffixed)
            {
                if (cross && prefix.CrossProduct && prefix.ApplyTo(suffixedForm) is { } both)
                {
                    candidates.Add(both);
                }
            }
        }

        return candidates;
    }
}
