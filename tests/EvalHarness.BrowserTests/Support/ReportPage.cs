using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// A report.html open in headless Chromium, with the few moves the tests make on it. Disposing it
/// saves a screenshot as a test attachment first, so a failing test still leaves a picture behind.
/// </summary>
internal sealed class ReportPage : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _profile;
    private int _shots;

    private ReportPage(TempDirectory profile, ChromeDriver driver)
    {
        _profile = profile;
        Driver = driver;
    }

    public ChromeDriver Driver { get; }

    public string Status => Driver.FindElement(By.Id("p-status")).Text;

    /// <param name="trace">When given, the browser runs under strace writing this file (<see cref="NetworkTrace"/>).</param>
    public static ReportPage Start(int width = 1280, int height = 1600, string? trace = null)
    {
        var profile = new TempDirectory();
        try
        {
            return new ReportPage(profile, Browser.Start(profile.Combine("profile"), width, height, trace));
        }
        catch
        {
            profile.Dispose();
            throw;
        }
    }

    /// <summary>Opens a report and waits until its explorer has rendered the samples.</summary>
    public void Open(string htmlPath, TimeSpan? timeout = null)
    {
        Driver.Navigate().GoToUrl(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
        WaitUntilReady(timeout);
    }

    public void WaitUntilReady(TimeSpan? timeout = null)
    {
        var ready = Wait(timeout ?? DefaultWait, () => Script<string>("return document.body && document.body.getAttribute('data-ready')") is "true" or "error");
        Assert.That(Script<string>("return document.body.getAttribute('data-ready')"), Is.EqualTo("true"),
            $"the explorer never became ready (waited {ready.TotalSeconds:0.#} s): {Driver.FindElement(By.Id("samples")).Text}");
    }

    public T Script<T>(string script, params object[] args) => (T)Driver.ExecuteScript(script, args)!;

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public ReadOnlyCollection<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>The suite/id/epoch keys of the sample cards on the current page, in order.</summary>
    public IReadOnlyList<string> SampleKeys() =>
        FindAll("#samples article.sample[data-sample]").Select(e => e.GetAttribute("data-sample") ?? string.Empty).ToList();

    /// <summary>Types into the search box like a reader; the page filters after a short pause.</summary>
    public void Search(string text)
    {
        ForgetStatus();
        // Select-all and type, as a reader does: Clear() alone fires no input event, so an emptied box would not refilter.
        var box = Find("#f-search");
        box.SendKeys(Keys.Control + "a");
        box.SendKeys(text.Length == 0 ? Keys.Backspace : text);
    }

    /// <summary>Sets the search box from script, for text a keyboard cannot type (bidi controls, zero-width characters).</summary>
    public void SearchVerbatim(string text)
    {
        ForgetStatus();
        Script<object?>("var b = document.getElementById('f-search'); b.value = arguments[0]; b.dispatchEvent(new Event('input', { bubbles: true }));", text);
    }

    /// <summary>Chooses an option of a filter by clicking it, as a reader would.</summary>
    public void Choose(string selectId, string value)
    {
        ForgetStatus();
        var option = Find("#" + selectId).FindElements(By.TagName("option")).FirstOrDefault(o => o.GetAttribute("value") == value);
        Assert.That(option, Is.Not.Null, $"#{selectId} offers no option '{value}'");
        option!.Click();
    }

    /// <summary>Waits until the pager reads "<paramref name="count"/> samples match" ("1 sample matches"), and fails showing what it read instead.</summary>
    public void WaitForMatches(int count)
    {
        var expected = count == 1 ? "1 sample matches" : $"{count} samples match";
        Wait(DefaultWait, () => Status.StartsWith(expected + " ", StringComparison.Ordinal));
        Assert.That(Status, Does.StartWith(expected + " "));
    }

    /// <summary>Saves what the browser shows now (scrolled to <paramref name="scrollTo"/>, if given) as a PNG attachment of the running test.</summary>
    public string Screenshot(string label, string? scrollTo = null)
    {
        if (scrollTo is not null)
        {
            Script<object?>("document.querySelector(arguments[0]).scrollIntoView()", scrollTo);
        }

        var path = Artifacts.PathFor($"{++_shots:00}-{label}", "png");
        Driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, label);
        return path;
    }

    /// <summary>Browser log entries at SEVERE level: script errors and Content-Security-Policy violations.</summary>
    public IReadOnlyList<string> SevereLogEntries() =>
        Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();

    public static TimeSpan Wait(TimeSpan timeout, Func<bool> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var wait = new DefaultWait<Func<bool>>(condition) { Timeout = timeout, PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        try
        {
            wait.Until(c => c());
        }
        catch (WebDriverTimeoutException)
        {
            // The caller's assertion says what was expected and what was there instead.
        }

        return started.Elapsed;
    }

    public void Dispose()
    {
        try
        {
            Screenshot("final");
        }
        catch (WebDriverException)
        {
            // A browser that already died has nothing to show; the test's own failure says why.
        }
        finally
        {
            Driver.Quit();
            _profile.Dispose();
        }
    }

    /// <summary>
    /// Blanks the pager's status, which every filtering rewrites; waiting for it to read a count then
    /// cannot be fooled by the count of the previous filter while the search's debounce is pending.
    /// </summary>
    private void ForgetStatus() => Script<object?>("document.getElementById('p-status').textContent = '';");
}
