namespace MarketingOps.Scripting.Protocol;

/// <summary>Run the script with this key: loaded already, compiled by the last <see cref="CompileCall"/>, or from the image sent along.</summary>
/// <param name="RunId">Tags every call the run makes back to the host.</param>
/// <param name="Key">The script's cache key.</param>
/// <param name="Accounts">The client's accounts, as the script sees them.</param>
/// <param name="Args">The script's <c>Args</c>.</param>
/// <param name="Timeout">The run's own budget; the host kills the worker a grace period later.</param>
internal sealed record RunCall(string RunId, string Key, IReadOnlyList<ScriptAccount> Accounts, IReadOnlyList<string> Args, TimeSpan Timeout)
{
    /// <summary>The compiled image from the host's cache, when the worker has neither it loaded nor just compiled it.</summary>
    public byte[]? Assembly { get; init; }

    /// <summary>Its portable PDB.</summary>
    public byte[]? Symbols { get; init; }

    /// <summary>The script's <c>IsDryRun</c>.</summary>
    public bool DryRun { get; init; }

    /// <summary>True when the host's clock is not the system clock (a demo, a test): the script asks the host for the time.</summary>
    public bool HostClock { get; init; }

    /// <summary>The host clock's local zone, as an IANA id.</summary>
    public string LocalTimeZone { get; init; } = "UTC";

    /// <summary>The run's output cap (prints and log lines, UTF-8): the worker stops sending at twice it, the host cuts at it.</summary>
    public long MaxOutputBytes { get; init; } = 1L << 20;

    /// <summary>The host's culture, so formatting reads as it would in the host.</summary>
    public string Culture { get; init; } = "";

    /// <summary>
    /// The reads the script's last run here began with, answered by the host just before this call: the worker applies
    /// them to its tables before the script starts, and the script's first reads take them if it makes those very calls.
    /// They travel in the run call itself, one message and one dispatch instead of two.
    /// </summary>
    public IReadOnlyList<PrefetchedRead> Prefetched { get; init; } = [];
}
