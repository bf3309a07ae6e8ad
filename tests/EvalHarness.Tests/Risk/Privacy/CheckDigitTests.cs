using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

[TestFixture]
public sealed class CheckDigitTests
{
    // Computed by hand from the formula (see Detections.ValidMyNumber): 1234567890 1 → weights 6,5,4,3,2,7,6,5,4,3,2
    // give 6+10+12+12+10+42+42+40+36+0+2 = 212, 212 mod 11 = 3, check digit 11 − 3 = 8.
    [TestCase("123456789018", true)]
    [TestCase("123456789017", false)]
    [TestCase("123456789019", false)]
    [TestCase("000000000116", true)]
    [TestCase("12345678901", false)]
    [TestCase("12345678901a", false)]
    public void My_number_check_digit(string digits, bool valid) =>
        Assert.That(CheckDigits.IsMyNumber(digits), Is.EqualTo(valid));

    [Test]
    public void A_remainder_of_0_or_1_gives_check_digit_0()
    {
        // 00000000011: the only nonzero digits are P1 = 1 (weight 2) and P2 = 1 (weight 3): sum 5, remainder 5 → 6.
        // 00000100000: P6 = 1, weight 7: remainder 7 → 4. 50000000000: P11 = 5, weight 6: 30 mod 11 = 8 → 3.
        // 10000000005: 6 + 10 = 16 mod 11 = 5 → 6. 20000000003: 12 + 6 = 18 mod 11 = 7 → 4. 11000000000: 6 + 5 = 11 → remainder 0 → 0.
        Assert.That(CheckDigits.IsMyNumber("110000000000"), Is.True);
        Assert.That(CheckDigits.IsMyNumber("000001000004"), Is.True);
        Assert.That(CheckDigits.IsMyNumber(Detections.ValidMyNumber("31415926535")), Is.True);
        Assert.That(CheckDigits.IsMyNumber(Detections.Broken(Detections.ValidMyNumber("31415926535"))), Is.False);
    }

    // The National Tax Agency's worked example: 7123456789012 (check digit 7); 4011001098993 a published number.
    [TestCase("7123456789012", true)]
    [TestCase("4011001098993", true)]
    [TestCase("6123456789012", false)]
    [TestCase("712345678901", false)]
    public void Corporate_number_check_digit(string digits, bool valid) =>
        Assert.That(CheckDigits.IsCorporateNumber(digits), Is.EqualTo(valid));

    [TestCase("4111111111111111", true)]
    [TestCase("4532015112830366", true)]
    [TestCase("4532015112830367", false)]
    [TestCase("378282246310005", true)]
    [TestCase("79927398713", true)]
    [TestCase("79927398710", false)]
    public void Luhn(string digits, bool valid) =>
        Assert.That(CheckDigits.IsLuhn(digits), Is.EqualTo(valid));
}
