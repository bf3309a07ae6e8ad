using EvalHarness.Providers;
using EvalHarness.Infrastructure;

namespace EvalHarness.Tests.Providers;

/// <summary>What an endpoint or a model echoes of the configured key is masked, in full or in long parts.</summary>
[TestFixture]
public sealed class RedactionTests
{
    private const string Key = "ZQXJ0vwu9TRS8pqo7NMLK6jih5GFED4cba";

    [Test]
    public void Twelve_characters_of_a_long_key_are_masked_like_the_whole_key()
    {
        var text = $"the key starts {Key[..12]}, ends {Key[^12..]} and has {Key[10..30]} in the middle; all of it: {Key}.";

        var masked = Redaction.Secrets(text, [Key]);

        Assert.That(masked, Is.EqualTo("the key starts [REDACTED], ends [REDACTED] and has [REDACTED] in the middle; all of it: [REDACTED]."));
    }

    [Test]
    public void Eleven_characters_of_a_key_are_ordinary_text()
    {
        var text = $"a short run {Key[..11]} and another {Key[20..31]}";

        Assert.That(Redaction.Secrets(text, [Key]), Is.EqualTo(text));
    }

    [Test]
    public void Touching_parts_of_the_key_become_one_mask_and_separate_parts_stay_separate()
    {
        // Two different pieces of the key written back to back are one run of key text, so one mask.
        var text = $"{Key[20..34]}{Key[..14]} | {Key[2..16]}";

        Assert.That(Redaction.Secrets(text, [Key]), Is.EqualTo("[REDACTED] | [REDACTED]"));
    }

    [Test]
    public void Answers_errors_and_model_ids_all_get_the_partial_mask()
    {
        var fragment = Key[5..25];

        Assert.That(Redaction.Apply($"upstream said: token {fragment} rejected", [Key]), Is.EqualTo("upstream said: token [REDACTED] rejected"));
        Assert.That(Redaction.Contains($"x{fragment}y", Key), Is.True);
        Assert.That(Redaction.Contains(Key[..11], Key), Is.False);
    }

    [Test]
    public void Keys_shorter_than_twelve_are_masked_only_in_full_and_below_four_not_at_all()
    {
        Assert.That(Redaction.Secrets("pw hunter2024 and hunter2", ["hunter2024"]), Is.EqualTo("pw [REDACTED] and hunter2"));
        Assert.That(Redaction.Secrets("abc is everywhere: abc", ["abc"]), Is.EqualTo("abc is everywhere: abc"));
    }

    [Test]
    public void A_long_answer_without_the_key_comes_back_unchanged_and_with_it_masked_once()
    {
        var filler = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 20_000));
        var text = filler + Key[3..19] + filler;

        Assert.That(Redaction.Secrets(filler, [Key]), Is.SameAs(filler));
        Assert.That(Redaction.Secrets(text, [Key]), Is.EqualTo(filler + "[REDACTED]" + filler));
    }
}
