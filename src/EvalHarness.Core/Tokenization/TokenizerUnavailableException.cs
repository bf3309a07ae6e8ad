namespace EvalHarness.Tokenization;

/// <summary>
/// A tokenizer cannot work here (MeCab or its dictionary is missing, no pack registered it). Scorers
/// record the message as the sample's scorer error, so a missing tokenizer costs its scores, not the run.
/// </summary>
public class TokenizerUnavailableException : Exception
{
    public TokenizerUnavailableException()
        : this("the tokenizer is unavailable")
    {
    }

    public TokenizerUnavailableException(string message)
        : base(message)
    {
    }

    public TokenizerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
