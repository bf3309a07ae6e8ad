using System.Runtime.InteropServices;

namespace EvalHarness.Japanese.MeCab;

/// <summary>MeCab 0.996's <c>mecab_node_t</c>, read in place from the tagger's lattice.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MeCabNode
{
    public const byte NormalNode = 0;
    public const byte UnknownNode = 1;

    public nint Prev;
    public nint Next;
    public nint ENext;
    public nint BNext;
    public nint RPath;
    public nint LPath;
    public nint Surface;
    public nint Feature;
    public uint Id;
    public ushort Length;
    public ushort RLength;
    public ushort RcAttr;
    public ushort LcAttr;
    public ushort PosId;
    public byte CharType;
    public byte Stat;
    public byte IsBest;
    public float Alpha;
    public float Beta;
    public float Prob;
    public short WCost;
    public nint Cost;
}
