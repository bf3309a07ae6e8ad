using EvalHarness.Providers;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Providers;

[TestFixture]
public sealed class ReplayModelTests
{
    private static GenerationRequest Request(string id, int epoch = 1, string suite = "s") => new(suite, id, epoch, [], EvalHarness.Suites.GenerationSettings.Empty);

    [Test]
    public async Task Recorded_outputs_are_returned_by_sample_and_epoch()
    {
        using var dir = new TempDirectory();
        var file = dir.File("rec.jsonl", "{\"id\": \"a\", \"output\": \"one\"}\n{\"id\": \"a\", \"epoch\": 2, \"output\": \"two\"}\n{\"id\": 5, \"output\": \"five\", \"suite\": \"other\"}\n");
        var target = TestModels.Create("replay:" + file, new ModelSettings(), []);

        Assert.That((await target.GenerateAsync(Request("a"), CancellationToken.None)).Text, Is.EqualTo("one"));
        Assert.That((await target.GenerateAsync(Request("a", 2), CancellationToken.None)).Text, Is.EqualTo("two"));
        Assert.That((await target.GenerateAsync(Request("5", suite: "other"), CancellationToken.None)).Text, Is.EqualTo("five"));
        Assert.That(target.Info.Live, Is.False);
    }

    [Test]
    public async Task A_sample_without_a_recording_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        var file = dir.File("rec.jsonl", "{\"id\": \"a\", \"output\": \"one\"}\n");
        var target = TestModels.Create("replay:" + file, new ModelSettings(), []);

        var error = (await Assert.ThrowsAsync<ModelException>(() => target.GenerateAsync(Request("b", 1), CancellationToken.None)))!;
        Assert.That(error.Kind, Is.EqualTo(ModelErrorKind.Permanent));
        Assert.That(error.Message, Does.Contain("no recorded output for sample 'b' epoch 1"));
    }

    [Test]
    public void Malformed_recordings_are_input_errors_with_line_and_field()
    {
        using var dir = new TempDirectory();
        var file = dir.File("rec.jsonl", "{\"id\": \"a\", \"output\": \"one\"}\n{\"id\": \"b\"}\n{\"id\": \"c\", \"output\": \"x\", \"epoch\": 0}\n{\"id\": \"a\", \"output\": \"again\"}\n");
        var error = Assert.Throws<InvalidInputException>(() => TestModels.Create("replay:" + file, new ModelSettings(), []))!;
        var text = string.Join("\n", error.Diagnostics);
        Assert.That(text, Does.Contain("rec.jsonl:2: error: field 'output': is required and must be text"));
        Assert.That(text, Does.Contain("rec.jsonl:3: error: field 'epoch': must be a whole number of at least 1"));
    }

    [Test]
    public void Duplicate_recordings_are_refused()
    {
        using var dir = new TempDirectory();
        var file = dir.File("rec.jsonl", "{\"id\": \"a\", \"output\": \"one\"}\n{\"id\": \"a\", \"output\": \"again\"}\n");
        var error = Assert.Throws<InvalidInputException>(() => TestModels.Create("replay:" + file, new ModelSettings(), []))!;
        Assert.That(error.Diagnostics.Single().ToString(), Does.Contain("rec.jsonl:2: error: field 'id': sample 'a' epoch 1 is recorded twice (first on line 1)"));
    }

    [TestCase("gpt-4o", "is not a model")]
    [TestCase("openai/", "name the model after 'openai/'")]
    [TestCase("replay:", "name the recordings file")]
    public void Unusable_model_specs_are_input_errors(string spec, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => TestModels.Create(spec, new ModelSettings(), []))!;
        Assert.That(error.Diagnostics.Single().Field, Is.EqualTo("--model"));
        Assert.That(error.Message, Does.Contain(message));
    }
}
