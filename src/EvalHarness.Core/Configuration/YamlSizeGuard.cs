using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvalHarness.Configuration;

/// <summary>
/// Measures, from the parser's events alone, how large a document becomes once its aliases are expanded.
/// The conversion to JSON copies an anchored value at every alias, so nine levels of ten aliases (a
/// "billion laughs" document of 400 bytes) would build 10^9 values; counting events costs nothing and
/// stops at the alias that crosses the limit, before anything is built.
/// </summary>
internal sealed class YamlSizeGuard
{
    /// <summary>Values (scalars, lists and mappings, keys included) a suite file may hold once aliases are expanded.</summary>
    public const int MaxValues = 100_000;

    /// <summary>
    /// Nesting a suite file may have. The YAML library and the conversion both recurse once per level, so a
    /// deep enough document would overflow the stack, which no handler can catch; real suites nest a few levels.
    /// </summary>
    public const int MaxDepth = 64;

    // Height: how many levels of lists and mappings a value spans (0 for a scalar).
    private readonly Dictionary<AnchorName, (long Values, int Height)> _anchors = [];
    private readonly List<Frame> _open = [];
    private long _values;

    /// <summary>Takes the next event; returns why the document is refused, or null while it is within the limits.</summary>
    public string? Accept(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case AnchorAlias alias:
                if (_open.Exists(f => f.Anchor == alias.Value))
                {
                    return $"the alias *{alias.Value} refers to a value that contains it, so it would never end";
                }

                // An alias to no anchor is left to the parser, which reports it.
                return _anchors.TryGetValue(alias.Value, out var anchored) ? Add(anchored.Values, anchored.Height, isAlias: true) : null;

            case Scalar scalar:
                Remember(scalar.Anchor, 1, 0);
                return Add(1, 0, isAlias: false);

            case NodeEvent start when start is SequenceStart or MappingStart:
                var problem = Add(1, 0, isAlias: false);
                _open.Add(new Frame(start.Anchor, _values - 1));
                return problem ?? (_open.Count > MaxDepth ? DepthMessage : null);

            case SequenceEnd or MappingEnd when _open.Count > 0:
                var frame = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                var height = frame.ChildHeight + 1;
                if (_open.Count > 0)
                {
                    _open[^1].ChildHeight = Math.Max(_open[^1].ChildHeight, height);
                }

                Remember(frame.Anchor, _values - frame.ValuesBefore, height);
                return null;

            default:
                return null;
        }
    }

    private static string DepthMessage => string.Create(CultureInfo.InvariantCulture, $"nested more than {MaxDepth} levels deep; a suite file may nest at most {MaxDepth} levels");

    private string? Add(long values, int height, bool isAlias)
    {
        _values = Math.Min(_values + values, MaxValues + 1L);
        if (_open.Count > 0)
        {
            _open[^1].ChildHeight = Math.Max(_open[^1].ChildHeight, height);
        }

        if (_values > MaxValues)
        {
            return isAlias
                ? string.Create(CultureInfo.InvariantCulture, $"this alias makes the file hold more than {MaxValues:N0} values once aliases are expanded (a suite file may hold at most {MaxValues:N0}); aliases nested in aliases multiply")
                : string.Create(CultureInfo.InvariantCulture, $"the file holds more than {MaxValues:N0} values; a suite file may hold at most {MaxValues:N0}");
        }

        return isAlias && _open.Count + height > MaxDepth ? DepthMessage + " once aliases are expanded" : null;
    }

    private void Remember(AnchorName anchor, long values, int height)
    {
        if (!anchor.IsEmpty)
        {
            // A redefined anchor applies to the aliases after it, as in YAML.
            _anchors[anchor] = (values, height);
        }
    }

    private sealed class Frame(AnchorName anchor, long valuesBefore)
    {
        public AnchorName Anchor { get; } = anchor;

        public long ValuesBefore { get; } = valuesBefore;

        public int ChildHeight { get; set; }
    }
}
