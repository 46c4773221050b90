using MarketingOps.Scripting.Running;

namespace MarketingOps.Scripting.Protocol;

/// <summary>How a run ended in the worker, its failure reduced to text and the script's line, and the worker's health after it.</summary>
internal sealed record RunReply(RunEnd End, ScriptFailure? Failure, string? ReturnValue)
{
    /// <summary>Loading (and the JIT of a freshly loaded image) before the script started.</summary>
    public TimeSpan PrepareTime { get; init; }

    /// <summary>The script's own run.</summary>
    public TimeSpan RunTime { get; init; }

    /// <summary>The script was still loaded from an earlier run.</summary>
    public bool WarmStart { get; init; }

    /// <summary>The worker's resident memory after the run, in bytes.</summary>
    public long WorkingSet { get; init; }

    /// <summary>The keys the worker keeps loaded after this run.</summary>
    public IReadOnlyList<string> WarmKeys { get; init; } = [];

    /// <summary>When <see cref="ReturnValue"/> was cut (it ends in …), the length of the whole value; 0 when it was not.</summary>
    public int CutFrom { get; init; }

    /// <summary>How many of the run call's prefetched reads the script took, from the first.</summary>
    public int PrefetchUsed { get; init; }

    /// <summary>What the script printed last and the worker had not sent yet: it follows every line sent before the answer.</summary>
    public string? Printed { get; init; }
}
