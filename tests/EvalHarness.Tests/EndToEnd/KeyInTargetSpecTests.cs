using System.Globalization;
using System.Text.Json;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Providers.Caching;
using EvalHarness.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EvalHarness.Tests.EndToEnd;

/// <summary>
/// A key pasted where a target is named would be written everywhere the target is: it is refused before
/// anything is written, without being echoed. Parts of the key that an endpoint echoes are masked, in
/// every file and in every column of the cache.
/// </summary>
[TestFixture]
public sealed class KeyInTargetSpecTests
{
    private const string Key = "sk-proj-Vq7RmK2xLp9WtZ4bNc8HdF3sJy6Ge1Ua";

    /// <summary>Every run of twelve characters of the key: none of them may be written anywhere.</summary>
    private static IEnumerable<string> Windows(string key) =>
        Enumerable.Range(0, key.Length - 11).Select(i => key.Substring(i, 12));

    private static void AssertNoPartOfKey(string text, string where)
    {
        foreach (var window in Windows(Key))
        {
            Assert.That(text, Does.Not.Contain(window), where);
        }
    }

    [TestCase("--model", "openai/" + Key, TestName = "{m}(the whole key as the model)")]
    [TestCase("--model", "openai/gpt-4o-mini-Vq7RmK2xLp9WtZ", TestName = "{m}(a long part of the key in the model)")]
    [TestCase("--model", Key, TestName = "{m}(the key alone as the target)")]
    [TestCase("--base-url", "http://127.0.0.1:9/" + Key + "/v1", TestName = "{m}(the key in the base URL's path)")]
    [TestCase("--base-url", "http://user:" + Key + "@127.0.0.1:9/v1", TestName = "{m}(the key as the base URL's password)")]
    [TestCase("--base-url", "http://127.0.0.1:9/v1?key=%73%6B-proj-Vq7RmK2xLp9W", TestName = "{m}(a percent-encoded part of the key in the base URL)")]
    public async Task A_key_in_the_target_spec_is_refused_without_being_echoed_or_anything_written(string option, string value)
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 3);
        string[] args = option == "--model"
            ? ["run", suite, "--model", value, "--base-url", "http://127.0.0.1:9/v1", "--out", dir.Combine("run")]
            : ["run", suite, "--model", "openai/m", option, value, "--out", dir.Combine("run")];

        var run = await CliRun.InvokeAsync(args, new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain(option).And.Contain("contains the API key from OPENAI_API_KEY"));
        AssertNoPartOfKey(run.All, "console");
        Assert.That(Directory.Exists(dir.Combine("run")), Is.False, "no run directory");
        Assert.That(Directory.Exists(dir.Combine("cache")), Is.False, "no cache");
    }

    [Test]
    public async Task A_key_in_OPENAI_BASE_URL_is_refused_naming_that_variable()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 3);

        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/m", "--api-key-env", "MY_KEY", "--out", dir.Combine("run")],
            new Dictionary<string, string> { ["MY_KEY"] = Key, ["OPENAI_BASE_URL"] = "https://gateway.example/" + Key + "/v1" });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain("OPENAI_BASE_URL").And.Contain("contains the API key from MY_KEY"));
        AssertNoPartOfKey(run.All, "console");
        Assert.That(Directory.Exists(dir.Combine("run")), Is.False);
    }

    [Test]
    public async Task A_placeholder_key_shorter_than_twelve_characters_does_not_refuse_a_matching_host()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 2);
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));

        // Ollama's documentation suggests the key "ollama"; a model or host of that name must still work.
        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/ollama-llama3", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run")],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "ollama", ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
    }

    [Test]
    public async Task Parts_of_the_key_echoed_in_answers_and_model_ids_are_masked_in_every_file_and_cache_column()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 4);
        await using var server = await FakeOpenAiServer.StartAsync(r => new FakeReply
        {
            Body = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-1",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "gpt-echo-" + Key[10..30],
                choices = new[] { new { index = 0, message = new { role = "assistant", content = $"{Runs.Correct(r)} (token ends {Key[^14..]}, starts {Key[..13]})" }, finish_reason = "stop" } },
            }),
        });

        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/m", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run")],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        AssertNoPartOfKey(run.All, "console");
        foreach (var file in Directory.GetFiles(dir.Combine("run"), "*", SearchOption.AllDirectories))
        {
            AssertNoPartOfKey(File.ReadAllText(file), file);
        }

        var log = RunLogReader.Read(dir.Combine("run", "log.jsonl"));
        Assert.That(log.Samples.Select(s => s.Output), Has.All.Match(@"^\d+ \(token ends \[REDACTED\], starts \[REDACTED\]\)$"), "the answers were kept, with the parts masked");
        Assert.That(log.Samples.Select(s => s.Model), Has.All.EqualTo("gpt-echo-[REDACTED]"));

        var cells = CacheCells(dir.Combine("cache"));
        Assert.That(cells, Is.Not.Empty, "the answers were cached");
        foreach (var cell in cells)
        {
            AssertNoPartOfKey(cell, "cache");
        }
    }

    /// <summary>Every value of every column of every row of the cache, as text.</summary>
    private static List<string> CacheCells(string directory)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, CacheLocation.FileName), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM responses";
        using var reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!);
            }
        }

        return cells;
    }
}
