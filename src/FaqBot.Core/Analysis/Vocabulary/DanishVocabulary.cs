using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;

namespace FaqBot.Analysis.Vocabulary;

/// <summary>
/// The word forms of a real Danish dictionary (Stavekontrolden's Hunspell dictionary, expanded at build time by
/// <see cref="HunspellWordForms"/>), lower case, held as a Lucene FST: about 680,000 forms in under a megabyte,
/// read in milliseconds, looked up in time linear in the word's length.
/// </summary>
public sealed class DanishVocabulary
{
    /// <summary>The file name under the build output's <c>vocabulary</c> folder.</summary>
    public const string FileName = "da-words.fst";

    // Matching a word needs its code points in a scratch buffer: one per thread.
    [ThreadStatic]
    private static Int32sRef? _scratch;

    // Read on a worker thread from first use on, so that start-up does not wait for it (the reading and the JIT of
    // Lucene's FST code took about 0.15 s of a 1 s start-up); a look-up before it is done waits for it.
    private static readonly Lazy<DanishVocabulary> ShippedVocabulary = new(() => new(Task.Run(() => ReadWords(DefaultPath))));

    private readonly Task<FST<object>?> _words;

    private DanishVocabulary(Task<FST<object>?> words) => _words = words;

    /// <summary>A vocabulary with no words: every rule that asks it is off.</summary>
    public static DanishVocabulary Empty { get; } = new(Task.FromResult<FST<object>?>(null));

    /// <summary>The vocabulary shipped beside the binary.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "vocabulary", FileName);

    /// <summary>The vocabulary shipped beside the binary, read once; <see cref="Empty"/> when the build has none.</summary>
    public static DanishVocabulary Shipped => ShippedVocabulary.Value;

    /// <summary>Whether this vocabulary has any words.</summary>
    public bool IsEmpty => Words is null;

    private FST<object>? Words => _words.GetAwaiter().GetResult();

    /// <summary>Whether <paramref name="word"/> (lower case) is a Danish word form.</summary>
    public bool Contains(string word)
    {
        if (word.Length == 0 || Words is not { } words)
        {
            return false;
        }

        var scratch = _scratch ??= new Int32sRef(32);
        Lucene.Net.Util.Fst.Util.ToUTF32(word, scratch);
        return Lucene.Net.Util.Fst.Util.Get(words, scratch) is not null;
    }

    /// <summary>Reads a vocabulary written by <see cref="Write"/>; <see cref="Empty"/> when the file is missing.</summary>
    public static DanishVocabulary Load(string path) => new(Task.FromResult(ReadWords(path)));

    private static FST<object>? ReadWords(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return new FST<object>(new InputStreamDataInput(stream), NoOutputs.Singleton);
    }

    /// <summary>Writes <paramref name="words"/> (any order, duplicates allowed) as an FST file.</summary>
    public static int Write(IEnumerable<string> words, string path)
    {
        var sorted = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var builder = new Builder<object>(FST.INPUT_TYPE.BYTE4, NoOutputs.Singleton);
        var scratch = new Int32sRef(32);
        foreach (var word in sorted)
        {
            // Ordinal order is code-point order for the Basic Multilingual Plane, which every Danish form is in.
            Lucene.Net.Util.Fst.Util.ToUTF32(word, scratch);
            builder.Add(scratch, NoOutputs.Singleton.NoOutput);
        }

        var fst = builder.Finish();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        fst.Save(new OutputStreamDataOutput(stream));
        return sorted.Count;
    }
}
