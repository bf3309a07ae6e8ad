namespace EvalHarness.Risk.Privacy;

/// <summary>The check digits that tell an identifier from any number of the same length.</summary>
internal static class CheckDigits
{
    /// <summary>
    /// My Number (個人番号, 12 digits, the last one the check digit): with Pn the n-th digit of the first eleven
    /// counted from the right and Qn = n + 1 for n ≤ 6 and n − 5 for n ≥ 7, the check digit is
    /// 11 − (ΣPn·Qn mod 11), or 0 when the remainder is 0 or 1 (総務省令第八十五号 第五条).
    /// </summary>
    public static bool IsMyNumber(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 12 || !AllDigits(digits))
        {
            return false;
        }

        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var p = digits[11 - n] - '0';
            var q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }

        var remainder = sum % 11;
        var check = remainder <= 1 ? 0 : 11 - remainder;
        return digits[11] - '0' == check;
    }

    /// <summary>
    /// Corporate number (法人番号, 13 digits, the first one the check digit): with Pn the n-th digit of the other
    /// twelve counted from the right and Qn = 1 for odd n and 2 for even n, the check digit is 9 − (ΣPn·Qn mod 9)
    /// (財務省令第七十号 第二条).
    /// </summary>
    public static bool IsCorporateNumber(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 13 || !AllDigits(digits))
        {
            return false;
        }

        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            sum += (digits[13 - n] - '0') * (n % 2 == 1 ? 1 : 2);
        }

        return digits[0] - '0' == 9 - (sum % 9);
    }

    /// <summary>Luhn (ISO/IEC 7812-1): from the right, every second digit doubled (9 subtracted above 9), the total a multiple of 10.</summary>
    public static bool IsLuhn(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2 || !AllDigits(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool AllDigits(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
