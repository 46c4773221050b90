using System.Text.RegularExpressions;

namespace MarketingOps.Scripting.Workers;

/// <summary>Why a worker died, in words a marketer can act on, and the script's own frames the runtime printed (innermost first).</summary>
/// <param name="Summary">What happened, as the end of "The script …".</param>
/// <param name="ScriptFrames">Frames of the script's class from the runtime's last words, as <c>Type.Method</c>.</param>
internal sealed partial record WorkerDeath(string Summary, IReadOnlyList<string> ScriptFrames)
{
    /// <summary>What ended it. The default value is <see cref="WorkerDeathCause.Other"/>.</summary>
    public WorkerDeathCause Cause { get; init; }

    /// <summary>The last <see cref="ScriptBudget.At"/> position the worker recorded (the statement it was in); 0 when unknown.</summary>
    public int Position { get; init; }

    /// <param name="exitCode">The process's exit code (128 + signal when a signal ended it).</param>
    /// <param name="stderr">The start of what it wrote to standard error.</param>
    /// <param name="options">The limits it ran under.</param>
    /// <param name="trafficExceeded">The host cut it off for sending too much.</param>
    /// <param name="protocolError">What was wrong with its answer, when it answered something the host could not use.</param>
    /// <param name="killedByHost">It was still alive when the host gave up on it.</param>
    public static WorkerDeath Describe(int? exitCode, string stderr, ScriptWorkerOptions options, bool trafficExceeded, string? protocolError, bool killedByHost)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(options);
        var frames = Frame().Matches(stderr).Select(m => m.Groups["frame"].Value).ToList();
        var outOfMemory = (IsCrash(stderr) && !IsStackOverflow(stderr)) || (exitCode == 137 && !killedByHost)
            || protocolError?.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal) == true;
        var (cause, summary) = true switch
        {
            _ when trafficExceeded => (WorkerDeathCause.Flood, $"sent the host more than {options.MaxTrafficPerRun / 1048576} MB in one run (a flood of output, log lines or calls), so the host killed its worker process"),
            _ when IsStackOverflow(stderr) => (WorkerDeathCause.StackOverflow, "overflowed the stack (recursion too deep, in the script or in .NET code it called, such as the ToString, GetHashCode or Equals of a deeply nested value, or a very large local); its worker process died"),
            _ when outOfMemory => (WorkerDeathCause.OutOfMemory, $"ran out of memory (a worker may use {options.MemoryLimitBytes / 1048576} MB of heap); its worker process died"),
            _ when protocolError is not null => (WorkerDeathCause.Protocol, $"broke its worker's connection to the host ({protocolError}); the worker was killed"),
            _ when killedByHost => (WorkerDeathCause.Unresponsive, "left its worker process unable to answer the host, so the host killed it"),
            _ when exitCode is > 128 and < 160 => (WorkerDeathCause.Other, $"ended its worker process by signal {exitCode - 128}"),
            _ => (WorkerDeathCause.Other, $"ended its worker process unexpectedly (exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}){FirstLine(stderr)}"),
        };
        return new WorkerDeath(summary, frames) { Cause = cause };
    }

    /// <summary>The runtime's last words say the process was dying on its own (a stack overflow, no memory left).</summary>
    public static bool IsCrash(string stderr)
        => IsStackOverflow(stderr) || stderr.Contains("OutOfMemory", StringComparison.Ordinal)
            || stderr.Contains("Out of memory", StringComparison.OrdinalIgnoreCase);

    private static bool IsStackOverflow(string stderr) => stderr.Contains("Stack overflow", StringComparison.Ordinal);

    private static string FirstLine(string stderr)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? "" : $": {(line.Length > 200 ? line[..200] + "…" : line)}";
    }

    // "   at MopsScript+Node.GetHashCode()" or "   at MopsScript.<<Initialize>>g__Down|0_0(Int32)"
    [GeneratedRegex(@"^\s*at (?<frame>MopsScript[^\s(]*)\(", RegexOptions.Multiline)]
    private static partial Regex Frame();
}
