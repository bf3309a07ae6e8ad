using System.Runtime.InteropServices;

namespace EvalHarness.Japanese.MeCab;

/// <summary>MeCab 0.996's <c>mecab_dictionary_info_t</c>, read in place from the model.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MeCabDictionaryInfo
{
    public nint FileName;
    public nint Charset;
    public uint Size;
    public int Type;
    public uint LSize;
    public uint RSize;
    public ushort Version;
    public nint Next;
}
