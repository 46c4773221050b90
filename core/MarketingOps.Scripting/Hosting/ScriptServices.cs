using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.Hosting;

/// <summary>What the host hands a script run: the client's accounts and the engines behind the globals.</summary>
/// <param name="Accounts">The client's accounts (names, platforms, time zones; never credentials).</param>
/// <param name="Posts">Drafting, scheduling and listing posts.</param>
/// <param name="Metrics">Stored metric snapshots.</param>
/// <param name="Experiments">The experiments engine.</param>
public sealed record ScriptServices(
    IReadOnlyList<ScriptAccount> Accounts,
    IScriptPosts Posts,
    IScriptMetrics Metrics,
    IScriptExperiments Experiments)
{
    /// <summary>Where the script's <c>Log</c> writes. The default value is a logger that discards everything.</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;

    /// <summary>The script's <c>Clock</c>. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where the script's <c>Print</c> writes. The default value is <see cref="TextWriter.Null"/>.</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;
}
