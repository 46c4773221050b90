using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Engine;

/// <summary>Until the metrics job stores snapshots, every post reads as not measured yet.</summary>
internal sealed class NoScriptMetrics : IScriptMetrics
{
    public IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken) => new Dictionary<string, MetricSnapshot>();

    public IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken) => [];
}
