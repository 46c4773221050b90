namespace MarketingOps.Core.Inbox;

/// <summary>A request the inbox cannot carry out (unknown item, already decided, missing reason); the message says why.</summary>
public sealed class InboxException : Exception
{
    public InboxException()
    {
    }

    public InboxException(string message)
        : base(message)
    {
    }

    public InboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
