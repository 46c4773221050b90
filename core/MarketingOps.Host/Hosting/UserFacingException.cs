namespace MarketingOps.Host.Hosting;

/// <summary>An error the user can fix; printed as one line without a stack trace.</summary>
internal sealed class UserFacingException : Exception
{
    public UserFacingException(string message)
        : base(message)
    {
    }

    public UserFacingException()
    {
    }

    public UserFacingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
