using System.Runtime.InteropServices;

namespace EvalHarness.Japanese.MeCab;

/// <summary>
/// Japanese morphological analysis with the system's MeCab (libmecab.so.2) and Debian's IPA dictionary
/// (mecab-ipadic-utf8). The dictionary is loaded once into a MeCab model, which threads may share; a MeCab
/// tagger may not be shared, so each thread gets its own over that model.
/// </summary>
public sealed class MeCabTagger : IDisposable
{
    /// <summary>Where Debian installs the UTF-8 IPA dictionary.</summary>
    public const string DefaultDictionary = "/var/lib/mecab/dic/ipadic-utf8";

    /// <summary>IPAdic's analysis of the probe word です (助動詞, conjugation type 特殊・デス).</summary>
    private const string IpadicDesu = "助動詞,*,*,*,特殊・デス,基本形,です,デス,デス";

    private static readonly Lazy<MeCabTagger> Shared = new(() => new MeCabTagger(DictionaryDirectory()));
    private readonly nint _model;
    private readonly ThreadLocal<nint> _taggers;
    private int _disposed;

    // Parses in progress. Dispose waits for them to finish: a node list points into the tagger's memory,
    // so the tagger may not be destroyed while any thread still walks its nodes.
    private int _active;

    public MeCabTagger(string dictionaryDirectory)
    {
        DictionaryPath = dictionaryDirectory;
        if (!Directory.Exists(dictionaryDirectory) || !File.Exists(Path.Combine(dictionaryDirectory, "sys.dic")))
        {
            throw new MeCabUnavailableException(
                $"the MeCab IPA dictionary was not found in {dictionaryDirectory}; install the Debian packages {MeCabUnavailableException.Packages} (./run.sh does), or set EVALH_MECAB_DICDIR to a UTF-8 IPA dictionary");
        }

        Version = Marshal.PtrToStringUTF8(Call(MeCabNative.Version)) ?? "unknown";
        _model = OpenModel(dictionaryDirectory);
        _taggers = new ThreadLocal<nint>(CreateTagger, trackAllValues: true);
        try
        {
            CheckDictionary();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The tagger every scorer shares (the dictionary from EVALH_MECAB_DICDIR, or Debian's).</summary>
    public static MeCabTagger Default => Shared.Value;

    public string DictionaryPath { get; }

    public string Version { get; }

    public static string DictionaryDirectory() =>
        Environment.GetEnvironmentVariable("EVALH_MECAB_DICDIR") is { Length: > 0 } configured ? configured : DefaultDictionary;

    /// <summary>Morphemes with their features. Surfaces are cut from <paramref name="text"/>, as in <see cref="AppendSurfaces"/>.</summary>
    public unsafe List<MeCabToken> Tokenize(string text)
    {
        var tokens = new List<MeCabToken>();
        if (text.Length == 0)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            return tokens;
        }

        using var input = new Utf8Input(text, stackalloc byte[Utf8Input.StackBytes]);
        Enter();
        try
        {
            fixed (byte* bytes = input.Bytes)
            {
                var cursor = new SurfaceCursor(text, bytes);
                for (var node = Parse(bytes, input.Length); node is not null; node = (MeCabNode*)node->Next)
                {
                    if (IsMorpheme(node))
                    {
                        tokens.Add(new MeCabToken(cursor.Cut(node), Marshal.PtrToStringUTF8(node->Feature) ?? string.Empty, node->Stat == MeCabNode.UnknownNode));
                    }
                }
            }
        }
        finally
        {
            Exit();
        }

        return tokens;
    }

    /// <summary>Surfaces only: what <c>mecab -Owakati</c> separates with spaces.</summary>
    public List<string> Surfaces(string text)
    {
        var surfaces = new List<string>();
        AppendSurfaces(text, surfaces);
        return surfaces;
    }

    /// <summary>
    /// Appends the surfaces to <paramref name="surfaces"/>. Each is cut from <paramref name="text"/>
    /// itself: MeCab's surface pointers point into the UTF-8 copy of the text, and counting UTF-16
    /// units along the way is cheaper than decoding every surface again.
    /// </summary>
    public unsafe void AppendSurfaces(string text, List<string> surfaces)
    {
        if (text.Length == 0)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            return;
        }

        using var input = new Utf8Input(text, stackalloc byte[Utf8Input.StackBytes]);
        Enter();
        try
        {
            fixed (byte* bytes = input.Bytes)
            {
                var cursor = new SurfaceCursor(text, bytes);
                for (var node = Parse(bytes, input.Length); node is not null; node = (MeCabNode*)node->Next)
                {
                    if (IsMorpheme(node))
                    {
                        surfaces.Add(cursor.Cut(node));
                    }
                }
            }
        }
        finally
        {
            Exit();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // No parse can start now (Enter sees the flag); wait for those already walking their nodes.
        var wait = new SpinWait();
        while (Volatile.Read(ref _active) != 0)
        {
            wait.SpinOnce();
        }

        foreach (var tagger in _taggers.Values)
        {
            if (tagger != 0)
            {
                MeCabNative.Destroy(tagger);
            }
        }

        _taggers.Dispose();
        MeCabNative.ModelDestroy(_model);
    }

    /// <summary>
    /// Runs a native call that may be the first to load libmecab.so.2, turning a missing library into
    /// <see cref="MeCabUnavailableException"/> (internal so that tests can drive it: the library is loaded by name).
    /// </summary>
    internal static T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (DllNotFoundException ex)
        {
            throw new MeCabUnavailableException($"MeCab is not installed ({MeCabNative.Library} was not found); install the Debian packages {MeCabUnavailableException.Packages} (./run.sh does)", ex);
        }
    }

    private static unsafe bool IsMorpheme(MeCabNode* node) => node->Stat is MeCabNode.NormalNode or MeCabNode.UnknownNode;

    /// <summary>UTF-16 units encoded by <paramref name="length"/> bytes of valid UTF-8 (MeCab cuts only at character boundaries).</summary>
    private static unsafe int Utf16Length(byte* bytes, int length)
    {
        var units = 0;
        for (var i = 0; i < length; i++)
        {
            var b = bytes[i];
            // Every lead byte starts one unit; a four-byte sequence needs a surrogate pair.
            units += ((b & 0xC0) != 0x80 ? 1 : 0) + (b >= 0xF0 ? 1 : 0);
        }

        return units;
    }

    private static nint OpenModel(string directory)
    {
        // An empty resource file: nothing from the machine's mecabrc may change the analysis.
        string[] arguments = ["mecab", "-r", "/dev/null", "-d", directory];
        var argv = new nint[arguments.Length];
        try
        {
            for (var i = 0; i < argv.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            var model = MeCabNative.ModelNew(argv.Length, argv);
            if (model == 0)
            {
                var reason = Marshal.PtrToStringUTF8(MeCabNative.StrError(0));
                throw new MeCabUnavailableException(
                    $"MeCab could not load the dictionary in {directory}: {(string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason)}; install the Debian packages {MeCabUnavailableException.Packages}, or set EVALH_MECAB_DICDIR to a UTF-8 IPA dictionary");
            }

            return model;
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>
    /// Refuses a dictionary the harness would misread: MeCab does not convert encodings, so an EUC-JP
    /// dictionary fed UTF-8 cuts characters in half, and a dictionary other than IPAdic (Juman, UniDic)
    /// lays its features out differently and tokenises differently from sacreBLEU's ja-mecab.
    /// </summary>
    private unsafe void CheckDictionary()
    {
        var info = MeCabNative.ModelDictionaryInfo(_model);
        var charset = info is null ? null : Marshal.PtrToStringUTF8(info->Charset);
        if (!string.Equals(charset?.Replace("-", string.Empty, StringComparison.Ordinal), "utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new MeCabUnavailableException(
                $"the MeCab dictionary in {DictionaryPath} is encoded in {charset ?? "an unknown encoding"}, not UTF-8 (Debian's mecab-ipadic is the EUC-JP build); install the Debian packages {MeCabUnavailableException.Packages} and use {DefaultDictionary}, or set EVALH_MECAB_DICDIR to a UTF-8 IPA dictionary");
        }

        var probe = Tokenize("です");
        if (probe.Count != 1 || probe[0].Features != IpadicDesu)
        {
            var analysis = string.Join(" ", probe.Select(t => t.Surface + "/" + t.Features));
            throw new MeCabUnavailableException(
                $"the MeCab dictionary in {DictionaryPath} is not the IPA dictionary: it analyses です as '{analysis}', IPAdic as '{IpadicDesu}' (Juman, UniDic and other dictionaries are not supported); install the Debian packages {MeCabUnavailableException.Packages} and use {DefaultDictionary}, or set EVALH_MECAB_DICDIR to a UTF-8 IPA dictionary");
        }
    }

    /// <summary>
    /// Registers a parse before touching native memory. The increment comes before the check and Dispose sets
    /// its flag before reading the count (both full fences), so either this parse sees the flag and backs out,
    /// or Dispose sees the parse and waits for <see cref="Exit"/>.
    /// </summary>
    private void Enter()
    {
        Interlocked.Increment(ref _active);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Decrement(ref _active);
            throw new ObjectDisposedException(nameof(MeCabTagger));
        }
    }

    private void Exit() => Interlocked.Decrement(ref _active);

    /// <summary>The first node of the best path (BOS); valid until this thread's tagger parses again (call between Enter and Exit).</summary>
    private unsafe MeCabNode* Parse(byte* text, int length)
    {
        var tagger = _taggers.Value;
        var node = MeCabNative.SparseToNode(tagger, text, (nuint)length);
        if (node is null)
        {
            throw new InvalidOperationException("MeCab could not analyse the text: " + Marshal.PtrToStringUTF8(MeCabNative.StrError(tagger)));
        }

        return node;
    }

    private nint CreateTagger()
    {
        var tagger = MeCabNative.ModelNewTagger(_model);
        if (tagger == 0)
        {
            var reason = Marshal.PtrToStringUTF8(MeCabNative.StrError(0));
            throw new MeCabUnavailableException($"MeCab could not create a tagger for the dictionary in {DictionaryPath}: {(string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason)}");
        }

        return tagger;
    }

    /// <summary>
    /// Walks the text along MeCab's nodes, which come in order: each surface is the slice of the original
    /// string that the node's bytes encode, so surfaces are exactly the text's characters (a lone
    /// surrogate stays itself instead of becoming the U+FFFD that MeCab was given).
    /// </summary>
    private unsafe ref struct SurfaceCursor(string text, byte* bytes)
    {
        private int _bytePosition;
        private int _charPosition;

        public string Cut(MeCabNode* node)
        {
            var start = (int)((byte*)node->Surface - bytes);
            _charPosition += Utf16Length(bytes + _bytePosition, start - _bytePosition);
            var length = Utf16Length(bytes + start, node->Length);
            var surface = text.Substring(_charPosition, length);
            _bytePosition = start + node->Length;
            _charPosition += length;
            return surface;
        }
    }
}
