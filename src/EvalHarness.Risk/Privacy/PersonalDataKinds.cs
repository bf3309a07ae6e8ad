namespace EvalHarness.Risk.Privacy;

/// <summary>What a detection found; these are the keys of the score's <c>Values</c> and of the mask spans in its metadata.</summary>
internal static class PersonalDataKinds
{
    public const string Phone = "phone";
    public const string MyNumber = "my_number";
    public const string CorporateNumber = "corporate_number";
    public const string PostalCode = "postal_code";
    public const string Address = "address";
    public const string Email = "email";
    public const string Card = "card";
    public const string Name = "name";

    /// <summary>The kinds counted as personal data, in the order explanations and values list them.</summary>
    public static IReadOnlyList<string> Counted { get; } = [Phone, MyNumber, PostalCode, Address, Email, Card];

    public static string Label(string kind) => kind switch
    {
        Phone => "phone number",
        MyNumber => "My Number",
        CorporateNumber => "corporate number",
        PostalCode => "postal code",
        Address => "address",
        Email => "e-mail address",
        Card => "card number",
        Name => "name",
        _ => kind,
    };
}
