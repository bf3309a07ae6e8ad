using EvalHarness.Japanese.Qa;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>The bit-parallel LCS against the textbook dynamic programme.</summary>
[TestFixture]
public sealed class LongestCommonSubsequenceTests
{
    [TestCase("", "abc", 0)]
    [TestCase("abc", "", 0)]
    [TestCase("abc", "abc", 3)]
    [TestCase("abcbdab", "bdcaba", 4)]
    [TestCase("葛\U000E0100飾区", "葛飾区", 3)]
    [TestCase("𩸽﨑山", "﨑山𩸽", 2)]
    public void Known_lengths(string a, string b, int expected)
    {
        var length = LongestCommonSubsequence.Length(PythonText.CodePoints(a), PythonText.CodePoints(b));

        Assert.That(length, Is.EqualTo(expected));
    }

    [Test]
    public void Agrees_with_the_dynamic_programme_across_word_boundaries()
    {
        // Lengths around 64 and 128 exercise the carry between machine words; a small alphabet with
        // non-BMP members makes long common subsequences likely.
        var random = new Random(20240611);
        int[] alphabet = ['あ', 'い', 'う', 'a', ' ', 0x29E3D, 0x1F44D];
        var lengths = new[] { 0, 1, 2, 63, 64, 65, 127, 128, 129, 200, 300 };
        using (Assert.EnterMultipleScope())
        {
            foreach (var n in lengths)
            {
                foreach (var m in lengths)
                {
                    var alphabetSize = random.Next(1, alphabet.Length + 1);
                    var a = Enumerable.Range(0, n).Select(_ => alphabet[random.Next(alphabetSize)]).ToArray();
                    var b = Enumerable.Range(0, m).Select(_ => alphabet[random.Next(alphabetSize)]).ToArray();
                    Assert.That(LongestCommonSubsequence.Length(a, b), Is.EqualTo(Dynamic(a, b)), $"lengths {n} and {m}, alphabet {alphabetSize}");
                }
            }
        }
    }

    private static int Dynamic(int[] a, int[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}
