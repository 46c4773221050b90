using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Publishing;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Statistics;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>The experiments engine wired over a store file, a registry and a publishing port, as the host wires it.</summary>
internal sealed class ExperimentRig
{
    public ExperimentRig(string databasePath, IPlatformRegistry registry, IExperimentPublisher publisher, TimeProvider clock, StatisticsOptions? options = null)
    {
        Store = new SqliteExperimentStore(databasePath, clock);
        Service = new ExperimentService(Store, registry, publisher, new ExperimentAnalyser(options ?? new StatisticsOptions()), clock, NullLogger<ExperimentService>.Instance);
        Collector = new ExperimentMetricsCollector(Store, Service, publisher, registry, clock, NullLogger<ExperimentMetricsCollector>.Instance);
    }

    public SqliteExperimentStore Store { get; }

    public ExperimentService Service { get; }

    public ExperimentMetricsCollector Collector { get; }
}
