using System.Runtime.InteropServices;

namespace EvalHarness.Japanese.MeCab;

/// <summary>The few functions of libmecab.so.2 (Debian's libmecab2) the harness uses.</summary>
internal static partial class MeCabNative
{
    public const string Library = "libmecab.so.2";

    /// <summary><c>mecab_model_new(argc, argv)</c>: an argument vector, so a path with spaces stays one argument.</summary>
    [LibraryImport(Library, EntryPoint = "mecab_model_new")]
    public static partial nint ModelNew(int argc, nint[] argv);

    [LibraryImport(Library, EntryPoint = "mecab_model_destroy")]
    public static partial void ModelDestroy(nint model);

    /// <summary>A tagger over a shared model; the model may be shared between threads, a tagger may not.</summary>
    [LibraryImport(Library, EntryPoint = "mecab_model_new_tagger")]
    public static partial nint ModelNewTagger(nint model);

    [LibraryImport(Library, EntryPoint = "mecab_model_dictionary_info")]
    public static unsafe partial MeCabDictionaryInfo* ModelDictionaryInfo(nint model);

    [LibraryImport(Library, EntryPoint = "mecab_destroy")]
    public static partial void Destroy(nint tagger);

    /// <summary>The tagger's last error, or with 0 the last error of a failed constructor.</summary>
    [LibraryImport(Library, EntryPoint = "mecab_strerror")]
    public static partial nint StrError(nint tagger);

    [LibraryImport(Library, EntryPoint = "mecab_sparse_tonode2")]
    public static unsafe partial MeCabNode* SparseToNode(nint tagger, byte* text, nuint length);

    [LibraryImport(Library, EntryPoint = "mecab_version")]
    public static partial nint Version();
}
