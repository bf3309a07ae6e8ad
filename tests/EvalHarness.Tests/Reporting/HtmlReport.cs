using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalHarness.Tests.Reporting;

/// <summary>Reads a written report.html back: its parts, its data island, its inline script and style.</summary>
internal sealed partial class HtmlReport
{
    public HtmlReport(string html)
    {
        Html = html;
    }

    public string Html { get; }

    public string Script => InlineScript().Match(Html).Groups[1].Value;

    public string Style => InlineStyle().Match(Html).Groups[1].Value;

    public string Policy => System.Net.WebUtility.HtmlDecode(Csp().Match(Html).Groups[1].Value);

    /// <summary>The index island: suites and, per sample, [suite, id, epoch, verdict, category, risk, perspective, language, kind, scorer error].</summary>
    public JsonElement Index => Inflate(IndexIsland().Match(Html).Groups[1].Value);

    /// <summary>The text chunks: per chunk {strings, details: [[input, output, targets, choices, scores, error, turns], ...]}.</summary>
    public IReadOnlyList<JsonElement> Chunks => ChunkIsland().Matches(Html).Select(m => Inflate(m.Groups[1].Value)).ToList();

    private static JsonElement Inflate(string base64)
    {
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
    }

    /// <summary>data-value of the row whose data-metric is "suite|group|scorer|metric".</summary>
    public string? MetricValue(string key)
    {
        foreach (Match row in MetricRow().Matches(Html))
        {
            if (System.Net.WebUtility.HtmlDecode(row.Groups[1].Value) == key)
            {
                return System.Net.WebUtility.HtmlDecode(row.Groups[2].Value);
            }
        }

        return null;
    }

    /// <summary>Text of the page with tags removed and entities decoded, as a reader sees it.</summary>
    public string VisibleText => System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(Html, "<(script|style)[^>]*>.*?</\\1>", string.Empty, RegexOptions.Singleline), "<[^>]+>", string.Empty));

    [GeneratedRegex("<tr data-metric=\"([^\"]*)\">.*?data-value=\"([^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex MetricRow();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"")]
    private static partial Regex Csp();

    [GeneratedRegex("id=\"evalh-index\" data-encoding=\"gzip\\+base64\" data-chunk-size=\"\\d+\">([A-Za-z0-9+/=]*)</script>")]
    private static partial Regex IndexIsland();

    [GeneratedRegex("class=\"evalh-chunk\" data-encoding=\"gzip\\+base64\">([A-Za-z0-9+/=]*)</script>")]
    private static partial Regex ChunkIsland();
}
