using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Planning;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>Experiments, their posts and every metric snapshot, with a latest-per-post table and an hourly rollup kept beside the history so analysis never scans it.</summary>
internal interface IExperimentStore
{
    /// <summary>Where the data lives, for messages.</summary>
    string Description { get; }

    /// <summary>Creates or upgrades the schema; safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new experiment with its planned posts; throws <see cref="ExperimentRequestException"/> when the name is taken by an experiment that is not stopped.</summary>
    Task<(Experiment Experiment, IReadOnlyList<ExperimentPost> Posts)> CreateAsync(Experiment experiment, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken);

    /// <summary>Finds an experiment by id, by name (the one not stopped, else the latest), or by a unique id prefix.</summary>
    Task<Experiment?> FindAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Every experiment, newest first.</summary>
    Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every experiment in one of <paramref name="states"/>.</summary>
    Task<IReadOnlyList<Experiment>> ListAsync(IReadOnlyCollection<ExperimentState> states, CancellationToken cancellationToken);

    /// <summary>Replaces the experiment when its stored version is still <paramref name="current"/>'s; null when someone changed it first.</summary>
    Task<Experiment?> TryUpdateAsync(Experiment current, Experiment next, CancellationToken cancellationToken);

    /// <summary>Adds posts to an existing experiment (a bandit's picks), numbered after its last slot; their own slot numbers are ignored.</summary>
    Task<IReadOnlyList<ExperimentPost>> AddPostsAsync(string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken);

    /// <summary>Removes an experiment that never started (its creation was refused) with its posts, as if it had not been created.</summary>
    Task DeleteAsync(string experimentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExperimentPost>> GetPostsAsync(string experimentId, CancellationToken cancellationToken);

    Task UpdatePostsAsync(IReadOnlyList<ExperimentPost> posts, CancellationToken cancellationToken);

    /// <summary>Appends snapshots to the history and, in the same transaction, moves the latest table and the hourly rollup on.</summary>
    Task AddSnapshotsAsync(IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken);

    /// <summary>The newest counters of every measured post of an experiment.</summary>
    Task<IReadOnlyList<LatestCounters>> GetLatestAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Hourly gains per variant, oldest first.</summary>
    Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Every snapshot of every post of an experiment, by post and time: for the fine-grained chart of a short experiment.</summary>
    Task<IReadOnlyList<MetricSnapshot>> GetSnapshotsAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Every snapshot of one post, oldest first.</summary>
    Task<IReadOnlyList<MetricSnapshot>> GetHistoryAsync(long postKey, CancellationToken cancellationToken);
}
