namespace MarketingOps.Sdk.Testing;

/// <summary>A conformance check failed; the message says what the host relies on and what to change in the plugin.</summary>
public sealed class ConformanceException : Xunit.Sdk.XunitException
{
    public ConformanceException()
        : base("A conformance check failed.")
    {
    }

    public ConformanceException(string message)
        : base(message)
    {
    }

    public ConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
