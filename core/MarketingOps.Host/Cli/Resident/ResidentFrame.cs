namespace MarketingOps.Host.Cli.Resident;

/// <summary>What the resident process sends back: a kind byte, then a 32-bit length and that many bytes.</summary>
internal enum ResidentFrame : byte
{
    /// <summary>Bytes for the caller's standard output.</summary>
    Output = 1,

    /// <summary>Bytes for the caller's standard error.</summary>
    Error = 2,

    /// <summary>The command's exit code (4 bytes); the last frame.</summary>
    Exit = 3,

    /// <summary>Another call is being served: the caller runs the command itself. Sent before anything ran.</summary>
    Busy = 4,
}
