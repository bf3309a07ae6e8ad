using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>
/// Model output, targets, ids, metadata, error messages and scorer explanations are untrusted: in a real
/// browser none of a corpus of injection payloads may run, load, restyle or hide anything, and every
/// one of them must still be readable as text.
/// </summary>
[TestFixture]
public sealed partial class HostilePayloadTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "</script><script>alert(2)</script>",
        "<img src=x onerror=alert(3)>",
        "<svg onload=alert(4)>",
        "<svg><script>alert(5)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(6)>",
        "<a href=\"javascript:alert(7)\">x</a>",
        "<iframe src=\"javascript:alert(8)\">",
        "<style>body{display:none}</style>",
        "<div style=\"position:fixed;inset:0;background:red\">",
        "\" onmouseover=\"alert(9)",
        "{{constructor.constructor('alert(10)')()}}",
        "invoice\u202Efdp.exe\u202C \u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069 \u200Eltr\u200F \u202Aemb\u202B \u202Dovr\u202C \u061C",
        "zero\u200Bwidth\u200Djoiner\uFEFFbom",
        string.Concat(Enumerable.Repeat("NoBreakHere0123456789", 953)).PadRight(20_000, 'x'),
        "line\u2028separator\u2029paragraph",
    ];

    // Long enough for the report to write it once and refer to it from every sample.
    private const string SharedSystemPrompt = "Shared by every sample: <img src=x onerror=alert('shared')> stays text.";

    // Runs before any script of the page: records whatever tries to open a dialog, print, log or break the policy.
    private const string Hooks = """
        (() => {
          const seen = [];
          Object.defineProperty(window, '__evalhSeen', { value: seen });
          const record = (kind, args) => seen.push(kind + ': ' + Array.from(args, a => String(a)).join(' '));
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            window[name] = function () { record(name, arguments); return null; };
          }
          for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
            const original = console[level];
            console[level] = function () { record('console.' + level, arguments); return original.apply(console, arguments); };
          }
          document.addEventListener('securitypolicyviolation', e => record('csp', [e.violatedDirective, e.blockedURI, e.sample]));
          window.addEventListener('error', e => record('error', [e.message || (e.target && e.target.tagName)]), true);
        })();
        """;

    // Every card on the current page: its id, head labels, untrusted text blocks and score cells.
    private const string ReadCards = """
        return [...document.querySelectorAll('#samples article.sample')].map(card => ({
          sid: card.querySelector('.sid').textContent,
          head: [...card.querySelectorAll('.sample-head > span')].map(e => e.textContent),
          text: [...card.querySelectorAll('pre.untrusted')].filter(e => e.getClientRects().length > 0).map(e => e.textContent),
          cells: [...card.querySelectorAll('table.scores td')].map(e => e.textContent)
        }));
        """;

    [Test]
    public async Task No_payload_runs_loads_or_hides_anything_and_every_one_reads_as_text()
    {
        using var dir = new TempDirectory();
        var samples = Samples();
        var run = await SyntheticLog.WriteRunAsync(dir.Combine("hostile"), SyntheticLog.Suite("hostile", samples.Count, ["exact", "includes"], "category"), samples);
        using var page = ReportPage.Start();
        page.Driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = Hooks });
        page.Open(Path.Combine(run, "report.html"));
        page.Screenshot("top");

        var cards = new List<Card>();
        var pages = 0;
        while (true)
        {
            cards.AddRange(page.Script<IReadOnlyCollection<object>>(ReadCards).Cast<IReadOnlyDictionary<string, object>>().Select(Card.From));
            AssertPageIntact(page);
            if (!page.Find("#p-next").Enabled || ++pages > 10)
            {
                break;
            }

            page.Find("#p-next").Click();
        }

        page.Screenshot("last-page", "#explorer");
        Assert.That(cards, Has.Count.EqualTo(samples.Count), "the explorer listed every sample");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < Payloads.Length; i++)
            {
                var raw = Payloads[i];
                var p = Shown(raw);
                var ok = cards.SingleOrDefault(c => c.Id == Shown(OkId(i, raw)));
                var failed = cards.SingleOrDefault(c => c.Id == Shown(ErrorId(i, raw)));
                Assert.That(ok, Is.Not.Null, $"payload {i}: sample id shown verbatim");
                Assert.That(failed, Is.Not.Null, $"payload {i}: errored sample id shown verbatim");
                Assert.That(ok?.Head, Does.Contain(p), $"payload {i}: category shown verbatim");
                Assert.That(ok?.Text.Count(t => t == p), Is.EqualTo(3), $"payload {i}: prompt, output and target shown verbatim");
                Assert.That(ok?.Cells.Count(t => t == p), Is.EqualTo(4), $"payload {i}: answers and explanations shown verbatim");
                Assert.That(failed?.Text, Does.Contain("permanent: " + p), $"payload {i}: error message shown verbatim");
            }
        });

        // A reader unfolds each sample's system prompt; the long line must still wrap.
        foreach (var summary in page.FindAll("#samples details > summary"))
        {
            summary.Click();
        }

        AssertPageIntact(page);
        Assert.That(page.FindAll("#samples details.context pre.untrusted").Select(e => e.Text), Is.Not.Empty.And.All.EqualTo(SharedSystemPrompt));
        page.Screenshot("errors", "#errors");

        // The same strings rendered by the template (errors table, group rows) are text there too.
        var templated = page.Script<string>("return document.getElementById('errors').textContent + document.querySelector('details.groups').textContent");
        Assert.That(Payloads.Where(p => !templated.Contains(p, StringComparison.Ordinal)), Is.Empty, "errors table and group rows show every payload");

        foreach (var query in new[] { Payloads[0], Payloads[2], Payloads[10] })
        {
            page.Search(query);
            page.WaitForMatches(samples.Count(s => Haystack(s).Contains(query, StringComparison.OrdinalIgnoreCase)));
        }

        foreach (var query in new[] { Payloads[12], Payloads[13], Payloads[15] })
        {
            page.SearchVerbatim(query);
            page.WaitForMatches(samples.Count(s => Haystack(s).Contains(query, StringComparison.OrdinalIgnoreCase)));
        }

        page.Screenshot("searched", "#explorer");
        AssertPageIntact(page);

        Assert.That(page.Script<IReadOnlyCollection<object>>("return window.__evalhSeen"), Is.Empty, "no dialog, print, console message, CSP violation or load error");
        Assert.Throws<NoAlertPresentException>(() => page.Driver.SwitchTo().Alert());
        Assert.That(page.SevereLogEntries(), Is.Empty, "the browser logged no error or policy violation");

        // The recorder itself works: without this, an uninstalled hook would pass the checks above.
        page.Script<object?>("alert('probe')");
        Assert.That(page.Script<IReadOnlyCollection<object>>("return window.__evalhSeen"), Is.EqualTo(new[] { "alert: probe" }));
    }

    [Test]
    public async Task Opening_the_group_breakdown_keeps_an_unbroken_20000_character_category_inside_the_page()
    {
        using var dir = new TempDirectory();
        var samples = Samples();
        var run = await SyntheticLog.WriteRunAsync(dir.Combine("hostile"), SyntheticLog.Suite("hostile", samples.Count, ["exact", "includes"], "category"), samples);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));

        page.Find("details.groups > summary").Click();
        page.Screenshot("groups", "details.groups");

        AssertPageIntact(page);
    }

    private static void AssertPageIntact(ReportPage page)
    {
        var state = page.Script<IReadOnlyDictionary<string, object>>("""
            window.scrollTo(0, 0);
            const h1 = document.querySelector('h1');
            const box = h1.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return {
              scripts: [...document.querySelectorAll('script')].map(s => s.id || s.className || '(inline)').join(' '),
              styles: document.querySelectorAll('style').length,
              styleAttributes: document.querySelectorAll('[style]').length,
              handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + '@' + a.name)).join(' '),
              javascriptUrls: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
              embedded: [...document.querySelectorAll('iframe, img, object, embed, math, frame, video, audio, link, base, form:not(#filters)')].map(e => e.tagName).join(' '),
              svgInSamples: document.querySelectorAll('#samples svg').length,
              svgElsewhere: document.querySelectorAll('svg').length,
              bodyShown: getComputedStyle(document.body).display !== 'none',
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')).join(' '),
              headerOnTop: h1.contains(hit)
            };
            """);
        Assert.Multiple(() =>
        {
            Assert.That(state["scripts"], Is.EqualTo("evalh-strings evalh-index evalh-chunk (inline)"), "only the page's own scripts: labels, index, one text chunk, code");
            Assert.That(state["styles"], Is.EqualTo(1L), "only the page's own style element");
            Assert.That(state["styleAttributes"], Is.EqualTo(0L), "no inline style attribute");
            Assert.That(state["handlers"], Is.Empty, "no element carries an on* attribute");
            Assert.That(state["javascriptUrls"], Is.EqualTo(0L), "no javascript: URL");
            Assert.That(state["embedded"], Is.Empty, "no iframe, img, object, embed or math element");
            Assert.That(state["svgInSamples"], Is.EqualTo(0L), "no svg inside the explorer");
            Assert.That(state["svgElsewhere"], Is.GreaterThan(0L), "the report's own charts are svg");
            Assert.That(state["bodyShown"], Is.True);
            Assert.That(state["overflow"], Is.LessThanOrEqualTo(1L), $"no horizontal overflow; too wide: {state["wide"]}");
            Assert.That(state["headerOnTop"], Is.True, "nothing covers the heading");
        });
    }

    /// <summary>
    /// How the explorer shows a string: invisible characters (bidi controls, zero-width characters,
    /// control codes) become visible "U+XXXX" markers, so they can neither hide nor reorder text.
    /// </summary>
    private static string Shown(string text) => HiddenCharacters().Replace(text, m => "U+" + ((int)m.Value[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]")]
    private static partial System.Text.RegularExpressions.Regex HiddenCharacters();

    private static string OkId(int i, string payload) => $"ok-{i:00}:{payload}";

    private static string ErrorId(int i, string payload) => $"err-{i:00}:{payload}";

    /// <summary>Per payload, one scored sample carrying it everywhere and one errored sample whose message is the payload.</summary>
    private static List<SampleRecord> Samples() =>
        Payloads.SelectMany((p, i) => new[]
        {
            SyntheticLog.Sample("hostile", OkId(i, p), p, new Dictionary<string, Score>
            {
                ["exact"] = Score.Fail(p, p),
                ["includes"] = Score.Pass(p, p),
            }) with
            {
                Input = [new PromptMessage("system", SharedSystemPrompt), new PromptMessage("user", p)],
                Targets = [p],
                Metadata = new Dictionary<string, string> { [MetadataKeys.Category] = p },
            },
            SyntheticLog.Sample("hostile", ErrorId(i, p), null, null, new SampleError("permanent", p)) with
            {
                Metadata = new Dictionary<string, string> { [MetadataKeys.Category] = p },
            },
        }).ToList();

    /// <summary>What the explorer's search looks through, per its documentation: ids, prompts, output, targets, scores, errors.</summary>
    private static string Haystack(SampleRecord s) => string.Join('\n', new[] { s.Id, s.Output ?? string.Empty }
        .Concat(s.Input.Select(m => m.Content))
        .Concat(s.Targets)
        .Concat((s.Scores ?? new Dictionary<string, Score>()).SelectMany(kv => new[] { kv.Key, kv.Value.Answer ?? string.Empty, kv.Value.Explanation ?? string.Empty }))
        .Append(s.Error?.Message ?? string.Empty));

    private sealed record Card(string Id, IReadOnlyList<string> Head, IReadOnlyList<string> Text, IReadOnlyList<string> Cells)
    {
        public static Card From(IReadOnlyDictionary<string, object> raw) => new(
            (string)raw["sid"],
            Strings(raw["head"]),
            Strings(raw["text"]),
            Strings(raw["cells"]));

        private static List<string> Strings(object value) => ((IEnumerable<object>)value).Select(o => (string)o).ToList();
    }
}
