namespace MarketingOps.Host.Cli;

/// <summary>The process exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found or met a problem.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int UsageError = 2;

    /// <summary>plugins.json or mops.json is invalid; nothing was started.</summary>
    public const int ConfigurationError = 3;
}
