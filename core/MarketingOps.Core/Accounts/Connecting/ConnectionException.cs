namespace MarketingOps.Core.Accounts.Connecting;

/// <summary>An account could not be connected; the message says why and what to do, and never holds a credential.</summary>
internal sealed class ConnectionException : Exception
{
    public ConnectionException(string message)
        : base(message)
    {
    }

    public ConnectionException()
    {
    }

    public ConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The account is not configured (as opposed to a refusal by the platform).</summary>
    public bool UnknownAccount { get; init; }
}
