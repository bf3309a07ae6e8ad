namespace EvalHarness.Risk.Privacy;

/// <summary>
/// Runs every detector over a text and settles overlaps: an e-mail address beats the digits inside it, a card or
/// ID number beats a phone number made of part of it, then phone numbers, postal codes and addresses. Person
/// names are then linked to the data within <see cref="LinkWindow"/> characters.
/// </summary>
internal sealed class PersonalDataDetector
{
    public const int DefaultLinkWindow = 30;

    private static readonly string[] Priority =
        [PersonalDataKinds.Email, PersonalDataKinds.CorporateNumber, PersonalDataKinds.Card, PersonalDataKinds.MyNumber, PersonalDataKinds.Phone, PersonalDataKinds.PostalCode, PersonalDataKinds.Address];

    private readonly PrivacyLexicon _lexicon;
    private readonly NameDetector _names;

    public PersonalDataDetector(PrivacyLexicon lexicon, int linkWindow = DefaultLinkWindow)
    {
        _lexicon = lexicon;
        _names = lexicon == PrivacyLexicon.Default ? NameDetector.Default : new NameDetector(lexicon);
        LinkWindow = linkWindow;
    }

    public static PersonalDataDetector Default { get; } = new(PrivacyLexicon.Default);

    /// <summary>A name at most this many characters from a detection links it to a person.</summary>
    public int LinkWindow { get; }

    /// <summary>Every detection in text order, names only where linked (as <see cref="Detection.LinkedName"/>).</summary>
    public IReadOnlyList<Detection> Detect(string text)
    {
        var scanned = new ScannedText(text);
        var labels = _lexicon.Labels;
        var addresses = AddressDetector.Find(scanned).ToList();
        var candidates = EmailDetector.Find(scanned, labels)
            .Concat(IdNumberDetector.Find(scanned, labels))
            .Concat(CardDetector.Find(scanned, _lexicon))
            .Concat(PhoneDetector.Find(scanned, labels))
            .Concat(PostalCodeDetector.Find(scanned, labels, addresses))
            .Concat(addresses)
            .OrderBy(d => Array.IndexOf(Priority, d.Kind))
            .ThenBy(d => d.Start);

        var kept = new List<Detection>();
        foreach (var candidate in candidates)
        {
            if (!kept.Any(k => k.Overlaps(candidate)))
            {
                kept.Add(candidate);
            }
        }

        var names = _names.Find(scanned).Where(n => !kept.Any(k => k.Overlaps(n))).ToList();
        return [.. kept.Select(d => Link(d, names)).OrderBy(d => d.Start)];
    }

    private Detection Link(Detection detection, List<Detection> names)
    {
        if (!detection.Counted)
        {
            return detection;
        }

        var nearest = names.Where(n => n.Gap(detection) <= LinkWindow).MinBy(n => n.Gap(detection));
        return nearest is null ? detection : detection with { LinkedName = nearest };
    }
}
