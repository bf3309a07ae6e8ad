using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Japanese.MeCab;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.MeCab;

/// <summary>
/// What a user sees when MeCab cannot be used: a <see cref="MeCabUnavailableException"/> whose message names
/// the Debian packages to install and the directory that was tried, never a crash or silently wrong tokens.
/// </summary>
[TestFixture]
public sealed class MeCabUnavailableTests
{
    /// <summary>Debian's EUC-JP build of IPAdic, installed with mecab-ipadic-utf8 (which is generated from it).</summary>
    private const string EucJpIpadic = "/var/lib/mecab/dic/ipadic";

    /// <summary>Debian's mecab-jumandic-utf8: UTF-8, but Juman's part-of-speech system.</summary>
    private const string Jumandic = "/var/lib/mecab/dic/juman-utf8";

    [Test]
    public void A_missing_dictionary_directory_names_the_packages_and_the_directory()
    {
        var ex = Assert.Throws<MeCabUnavailableException>(() => new MeCabTagger("/nonexistent/mecab/ipadic-utf8"))!;

        Assert.That(ex.Message, Does.Contain(MeCabUnavailableException.Packages).And.Contain("/nonexistent/mecab/ipadic-utf8").And.Contain("EVALH_MECAB_DICDIR"));
        Assert.That(MeCabUnavailableException.Packages, Is.EqualTo("mecab libmecab2 mecab-ipadic-utf8"));
    }

    [Test]
    public void A_directory_without_sys_dic_is_a_missing_dictionary()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<MeCabUnavailableException>(() => new MeCabTagger(dir.Path))!;

        Assert.That(ex.Message, Does.Contain(MeCabUnavailableException.Packages).And.Contain(dir.Path));
    }

    [Test]
    public void A_dictionary_mecab_cannot_load_gives_mecab_s_reason()
    {
        // A sys.dic but no dicrc: mecab itself says "param.cpp(69) [ifs] no such file or directory: DIR/dicrc".
        using var dir = new TempDirectory();
        dir.File("sys.dic", "not a dictionary");

        var ex = Assert.Throws<MeCabUnavailableException>(() => new MeCabTagger(dir.Path))!;

        Assert.That(ex.Message, Does.Contain(dir.Path).And.Contain(MeCabUnavailableException.Packages));
        Assert.That(ex.Message, Does.Contain("dicrc"), "MeCab's own reason is passed on");
    }

    [Test]
    public void An_euc_jp_dictionary_is_refused_rather_than_misreading_utf8()
    {
        // Fed UTF-8, the EUC-JP dictionary cuts characters in half ("今日は" came out as "今 | 日は" with
        // garbage features): refuse it and say which package has the UTF-8 build.
        Assume.That(File.Exists(Path.Combine(EucJpIpadic, "sys.dic")), "Debian's mecab-ipadic is not installed");

        var ex = Assert.Throws<MeCabUnavailableException>(() => new MeCabTagger(EucJpIpadic))!;

        Assert.That(ex.Message, Does.Contain(EucJpIpadic).And.Contain("EUC-JP").And.Contain("mecab-ipadic-utf8"));
    }

    [Test]
    public void A_dictionary_other_than_ipadic_is_refused()
    {
        // Juman's features have another layout (です is 判定詞 with base form だ), which would silently
        // break every feature accessor, the register classifier and the ja-mecab tokenisation.
        Assume.That(File.Exists(Path.Combine(Jumandic, "sys.dic")), "Debian's mecab-jumandic-utf8 is not installed");

        var ex = Assert.Throws<MeCabUnavailableException>(() => new MeCabTagger(Jumandic))!;

        Assert.That(ex.Message, Does.Contain(Jumandic).And.Contain("IPA").And.Contain("mecab-ipadic-utf8"));
    }

    [Test]
    public void A_missing_library_names_the_library_and_the_packages()
    {
        // libmecab.so.2 is loaded by name, so a test process cannot hide it; this drives the translation
        // every native entry point that may load the library goes through.
        var missing = new DllNotFoundException("Unable to load shared library 'libmecab.so.2' or one of its dependencies.");

        var ex = Assert.Throws<MeCabUnavailableException>(() => MeCabTagger.Call<nint>(() => throw missing))!;

        Assert.That(ex.Message, Does.Contain("libmecab.so.2").And.Contain(MeCabUnavailableException.Packages));
        Assert.That(ex.InnerException, Is.SameAs(missing));
        Assert.That(MeCabTagger.Call(() => 42), Is.EqualTo(42), "calls that succeed pass through");
    }

    [Test]
    public async Task A_suite_run_without_the_dictionary_records_the_reason_per_sample_and_keeps_other_scorers()
    {
        // A separate process, because the shared tagger reads EVALH_MECAB_DICDIR once per process.
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Write(dir, """
            name: ja-mecab
            language: ja
            dataset: data.jsonl
            scorers:
              - bleu
              - name: rouge
              - chrf
              - register_consistency
            """, "data.jsonl", """
            {"id": "a", "input": "天気は？", "target": "今日は雨です。"}
            {"id": "b", "input": "天気は？", "target": "明日は晴れです。"}

            """);
        var recordings = dir.File("recorded.jsonl", """
            {"id": "a", "output": "今日は晴れです。"}
            {"id": "b", "output": "明日は晴れだ。"}

            """);
        var output = dir.Combine("run");
        const string missing = "/nonexistent/evalh-test/ipadic-utf8";

        using var child = ChildProcess.StartEvalh(["run", suite, "--model", "replay:" + recordings, "--out", output, "--no-cache"], new Dictionary<string, string> { ["EVALH_MECAB_DICDIR"] = missing });
        var exit = await child.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), child.Output + child.Error);
        Assert.That(child.Output, Does.Contain("bleu mean: – – n=0 (2 unscored)"), child.Output);
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Samples, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            foreach (var sample in log.Samples)
            {
                foreach (var scorer in new[] { "bleu", "rouge", "register_consistency" })
                {
                    var score = sample.Scores![scorer];
                    Assert.That(score.Value, Is.Null, $"{sample.Id} {scorer}");
                    Assert.That(score.Error, Does.Contain(MeCabUnavailableException.Packages).And.Contain(missing), $"{sample.Id} {scorer}");
                }

                Assert.That(sample.Scores!["chrf"].Value, Is.GreaterThan(0), $"{sample.Id}: chrF needs no MeCab");
            }
        }
    }
}
