using System.Buffers.Binary;
using System.Text.RegularExpressions;
using EvalHarness.BrowserTests.Support;

namespace EvalHarness.BrowserTests;

/// <summary>
/// The README's pictures exist, are the full-width PNGs <see cref="ReadmeScreenshots"/> writes, and git
/// treats them as binary (no diffs, merges or line-ending conversion that would corrupt them).
/// </summary>
[TestFixture]
public sealed partial class ReadmeImageTests
{
    [Test]
    public void Every_image_the_readme_names_is_a_1280_pixel_wide_png_marked_binary()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var images = ImageLink().Matches(readme).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(images, Is.SupersetOf(new[] { "docs/images/report-demo.png", "docs/images/report-demo-ja.png" }));
        foreach (var image in images)
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, image));
            Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), image + " is a PNG");
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), Is.EqualTo(1280), image + " is as wide as the screenshots are taken");
        }

        var attributes = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".gitattributes")).Select(l => l.Trim());
        Assert.That(attributes, Has.Member("*.png binary"), ".gitattributes marks PNGs binary");
    }

    [GeneratedRegex(@"\((docs/images/[^)\s]+\.png)\)")]
    private static partial Regex ImageLink();
}
