using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.Running;

/// <summary>A run's reply, and its load context weakly (tests of the executor check that it is collected).</summary>
internal sealed record ExecutorResult(RunReply Reply, WeakReference? LoadContext);
