using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The report's view as dictionaries, lists and plain values, which is what the template renderer reads
/// (<see cref="Templates.PageTemplate"/>): the view itself is anonymous types and records.
/// </summary>
internal static class TemplateData
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static object? From(object? value) => value switch
    {
        null or string or ValueType or Uri => value,
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable items => FromItems(items),
        _ => FromObject(value),
    };

    private static Dictionary<string, object?> FromDictionary(IDictionary dictionary)
    {
        var result = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = From(entry.Value);
        }

        return result;
    }

    private static List<object?> FromItems(IEnumerable items)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            result.Add(From(item));
        }

        return result;
    }

    private static Dictionary<string, object?> FromObject(object value)
    {
        var properties = Properties.GetOrAdd(value.GetType(), PublicProperties);
        var result = new Dictionary<string, object?>(properties.Length, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            result[property.Name] = From(property.GetValue(value));
        }

        return result;
    }

    // The view's types are the report's anonymous types (EvalHarness.Reporting is kept whole in the native
    // build) and records whose properties the JSON source generator already reads; NativeCliTests compare
    // the native page with the JIT build's byte for byte.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The view's types are kept whole in the native build; see above.")]
    private static PropertyInfo[] PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
}
