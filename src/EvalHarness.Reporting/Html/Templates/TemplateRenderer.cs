using System.Buffers;
using System.Collections;
using System.Globalization;

namespace EvalHarness.Reporting.Html.Templates;

/// <summary>
/// Writes a parsed template over the view's dictionaries, lists and plain values (<see cref="TemplateData"/>) with
/// Handlebars' meaning: a missing value writes nothing, <c>if</c> is false for null, false, "", zero and empty lists,
/// <c>each</c> makes each item the context, and every value is HTML-escaped as Handlebars escapes it.
/// </summary>
internal static class TemplateRenderer
{
    private static readonly object Missing = new();

    // Handlebars' escape set: the five of HTML plus the backtick and equals sign, which older browsers and some
    // attribute contexts treat as quotes or separators.
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'`=");

    public static void Render(IReadOnlyList<TemplateNode> nodes, TextWriter output, object? data, IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> helpers) =>
        Write(nodes, output, new TemplateScope(data, null), helpers);

    private static void Write(IReadOnlyList<TemplateNode> nodes, TextWriter output, TemplateScope scope, IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> helpers)
    {
        foreach (var node in nodes)
        {
            switch (node.Kind)
            {
                case TemplateNodeKind.Text:
                    output.Write(node.Text);
                    break;
                case TemplateNodeKind.Value:
                    Escape(Text(Lookup(node.Text, scope)), output);
                    break;
                case TemplateNodeKind.RawValue:
                    output.Write(Text(Lookup(node.Text, scope)));
                    break;
                case TemplateNodeKind.Helper:
                    var arguments = node.Arguments.Select(a => a.Literal ?? Defined(Lookup(a.Path!, scope))).ToList();
                    output.Write(helpers[node.Text](arguments));
                    break;
                case TemplateNodeKind.If or TemplateNodeKind.Unless:
                    var truthy = !IsFalsyOrEmpty(Lookup(node.Text, scope));
                    Write(truthy == (node.Kind == TemplateNodeKind.If) ? node.Body : node.Inverse, output, scope, helpers);
                    break;
                case TemplateNodeKind.Each:
                    Each(node, output, scope, helpers);
                    break;
            }
        }
    }

    private static void Each(TemplateNode node, TextWriter output, TemplateScope scope, IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, string>> helpers)
    {
        var value = Lookup(node.Text, scope);
        if (IsFalsyOrEmpty(value))
        {
            Write(node.Inverse, output, scope, helpers);
            return;
        }

        var items = new List<(string? Key, object? Item)>();
        if (value is IDictionary dictionary)
        {
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                items.Add((Convert.ToString(entries.Key, CultureInfo.InvariantCulture), entries.Value));
            }
        }
        else if (value is IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                items.Add((null, item));
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            Write(node.Body, output, new TemplateScope(items[i].Item, new TemplateScope.EachData(i, i == items.Count - 1, items[i].Key)), helpers);
        }
    }

    private static object? Lookup(string path, TemplateScope scope)
    {
        switch (path)
        {
            case "this":
                return scope.Context;
            case "@last":
                return scope.Data is { } last ? last.Last : Missing;
            case "@first":
                return scope.Data is { } first ? first.Index == 0 : Missing;
            case "@index":
                return scope.Data is { } index ? index.Index : Missing;
            case "@key":
                return scope.Data?.Key ?? Missing;
        }

        var current = scope.Context;
        foreach (var segment in path.Split('.'))
        {
            if (current is not IDictionary<string, object?> fields || !fields.TryGetValue(segment, out current))
            {
                return Missing;
            }
        }

        return current;
    }

    private static object? Defined(object? value) => ReferenceEquals(value, Missing) ? null : value;

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "True" : "False",
        _ when ReferenceEquals(value, Missing) => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsFalsyOrEmpty(object? value) => value switch
    {
        null => true,
        bool flag => !flag,
        string text => text.Length == 0,
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal => !Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        _ when ReferenceEquals(value, Missing) => true,
        IEnumerable items => !items.GetEnumerator().MoveNext(),
        _ => false,
    };

    private static void Escape(string text, TextWriter output)
    {
        var rest = text.AsSpan();
        for (var next = rest.IndexOfAny(Escaped); next >= 0; next = rest.IndexOfAny(Escaped))
        {
            output.Write(rest[..next]);
            output.Write(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                _ => "&#x3D;",
            });
            rest = rest[(next + 1)..];
        }

        output.Write(rest);
    }
}
