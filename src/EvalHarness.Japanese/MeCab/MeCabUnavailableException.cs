using EvalHarness.Tokenization;

namespace EvalHarness.Japanese.MeCab;

/// <summary>MeCab or its dictionary is missing; the message names the Debian packages to install.</summary>
public sealed class MeCabUnavailableException : TokenizerUnavailableException
{
    public const string Packages = "mecab libmecab2 mecab-ipadic-utf8";

    public MeCabUnavailableException(string message)
        : base(message)
    {
    }

    public MeCabUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MeCabUnavailableException()
        : this("MeCab is not available; install the Debian packages " + Packages)
    {
    }
}
