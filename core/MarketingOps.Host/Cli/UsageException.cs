namespace MarketingOps.Host.Cli;

/// <summary>A value the command line gave that its option refuses: exit <see cref="ExitCodes.UsageError"/>, one line, no stack trace.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
