namespace MarketingOps.Scripting.Protocol;

/// <summary>The empty temporary folder a worker runs in, and the one file in it: where the script was when the worker died.</summary>
internal static class WorkerFolder
{
    /// <summary>The folder's name starts so.</summary>
    public const string Prefix = "mops-worker-";

    /// <summary>Four bytes the worker maps into memory: the last <see cref="ScriptBudget.At"/> position, read by the host after a death.</summary>
    public const string PositionFile = "position";
}
