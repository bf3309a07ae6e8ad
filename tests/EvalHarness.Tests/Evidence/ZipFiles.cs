using System.IO.Compression;

namespace EvalHarness.Tests.Evidence;

/// <summary>Builds and alters zips the way an attacker or a careless hand would.</summary>
internal static class ZipFiles
{
    public const int RegularFile = (0x8000 | 0x1A4) << 16;
    public const int Symlink = (0xA000 | 0x1FF) << 16;
    public const int CharacterDevice = (0x2000 | 0x1A4) << 16;
    public const int Directory = (0x4000 | 0x1ED) << 16;

    /// <summary>A zip of the given entries, in order, duplicates and hostile names included.</summary>
    public static void Write(string path, params (string Name, byte[] Data, int Attributes)[] entries)
    {
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var (name, data, attributes) in entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.ExternalAttributes = attributes;
            using var output = entry.Open();
            output.Write(data);
        }
    }

    /// <summary>Every entry's name and bytes, in order.</summary>
    public static List<(string Name, byte[] Data, int Attributes)> Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e =>
        {
            using var input = e.Open();
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            return (e.FullName, copy.ToArray(), e.ExternalAttributes);
        }).ToList();
    }

    /// <summary>Rewrites the zip with one entry's bytes changed (a properly re-zipped tampering, not a corrupt file).</summary>
    public static void Change(string path, string name, Func<byte[], byte[]> change)
    {
        var entries = Read(path);
        Assert.That(entries.Select(e => e.Name), Does.Contain(name), "the pack holds the entry to tamper with");
        Write(path, [.. entries.Select(e => e.Name == name ? (e.Name, change(e.Data), e.Attributes) : e)]);
    }

    public static void ChangeText(string path, string name, Func<string, string> change) =>
        Change(path, name, bytes => System.Text.Encoding.UTF8.GetBytes(change(System.Text.Encoding.UTF8.GetString(bytes))));

    public static void Remove(string path, string name)
    {
        var entries = Read(path);
        Write(path, [.. entries.Where(e => e.Name != name)]);
    }

    public static void Add(string path, string name, byte[] data, int attributes = RegularFile)
    {
        var entries = Read(path);
        Write(path, [.. entries, (name, data, attributes)]);
    }
}
