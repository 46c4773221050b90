using System.Globalization;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Statistics;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Experiments;

/// <summary>What the CLI, scripts and the metrics job do with experiments: plan, create, list, stop, report, look.</summary>
internal sealed class ExperimentService(
    IExperimentStore store,
    IPlatformRegistry registry,
    IExperimentPublisher publisher,
    ExperimentAnalyser analyser,
    TimeProvider time,
    ILogger<ExperimentService> logger)
{
    /// <summary>Checks the definition against the configured accounts and lays out its posts without storing anything.</summary>
    public AllocationResult Plan(ExperimentDefinition definition)
    {
        Check(definition);
        return AllocationPlanner.Plan(definition, a => ZoneOf(a) ?? TimeZoneInfo.Utc, time.GetUtcNow());
    }

    /// <summary>Validates the definition and its accounts; throws <see cref="ExperimentRequestException"/> listing every problem.</summary>
    private void Check(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = ExperimentDefinitionValidator.Validate(definition).Select(p => $"{p.Path}: {p.Message}").ToList();
        var named = definition.Accounts.Select((a, i) => (Path: string.Create(CultureInfo.InvariantCulture, $"accounts[{i}]"), Name: (string?)a))
            .Concat(definition.Variants.Select((v, i) => (Path: string.Create(CultureInfo.InvariantCulture, $"variants[{i}].account"), Name: v.Account)).Where(a => a.Name is not null))
            .ToList();
        foreach (var (path, name) in named)
        {
            if (!string.IsNullOrWhiteSpace(name) && registry.FindAccount(name) is null)
            {
                var known = registry.Accounts.Select(a => a.Name).ToList();
                problems.Add($"{path}: no account named '{name}'; configured accounts: {(known.Count == 0 ? "none" : string.Join(", ", known))}");
            }
        }

        if (problems.Count > 0)
        {
            throw new ExperimentRequestException(problems);
        }
    }

    /// <summary>The time zone of a configured account (UTC for an unknown one; <see cref="Plan"/> refuses those).</summary>
    public TimeZoneInfo? ZoneOf(string account) => registry.FindAccount(account)?.TimeZone;

    /// <summary>Stores the experiment and hands every planned post to publishing; refused posts are recorded, not fatal.</summary>
    public async Task<CreatedExperiment> CreateAsync(ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        // A bandit plans nothing up front: its posts are added one pick at a time, and it runs until stopped
        // (its end is only the date its report looks towards).
        ArgumentNullException.ThrowIfNull(definition);
        Check(definition);
        var plan = definition.Decision.Bandit ? new AllocationResult([], []) : Plan(definition);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var endsAt = definition.Decision.Bandit ? now + definition.Horizon : AllocationPlanner.EndOf(definition, plan.Posts);
        var experiment = new Experiment(id, definition, ExperimentState.Draft, now, endsAt) { UpdatedAt = now };
        var (stored, posts) = await store.CreateAsync(experiment, plan.Posts, cancellationToken);
        var scheduled = new List<ExperimentPost>(posts.Count);
        foreach (var post in posts)
        {
            var variant = definition.Variants[post.Variant];
            var outcome = await publisher.ScheduleAsync(
                new ExperimentPostRequest(id, variant.Name, post.Account, post.Plan.Text, post.Plan.At) { Media = variant.Media },
                cancellationToken);
            scheduled.Add(outcome.PostId is { } postId
                ? post with { Status = ExperimentPostStatus.Scheduled, PostId = postId }
                : post with { Status = ExperimentPostStatus.Refused, Detail = outcome.Problem });
        }

        await store.UpdatePostsAsync(scheduled, cancellationToken);
        var running = await store.TryUpdateAsync(stored, stored with { State = ExperimentState.Running, UpdatedAt = time.GetUtcNow() }, cancellationToken) ?? stored;
        var refused = scheduled.Count(p => p.Status == ExperimentPostStatus.Refused);
        logger.LogInformation("Experiment {ExperimentId} ({Name}) created with {Posts} posts, {Refused} refused", id, definition.Name, scheduled.Count, refused);
        return new CreatedExperiment(running, scheduled, plan.Warnings);
    }

    public Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>
    /// Adds one post of <paramref name="variantName"/> to a running experiment (a bandit's pick) and hands it to
    /// publishing; a refusal is recorded on the post (<see cref="ExperimentPost.Detail"/>), not thrown.
    /// </summary>
    public async Task<ExperimentPost> AddPostAsync(string idOrName, string variantName, string account, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var experiment = await GetAsync(idOrName, cancellationToken);
        if (experiment.IsFinished)
        {
            throw new ExperimentRequestException($"Experiment '{experiment.Name}' is {experiment.State}; posts can only be added to a running experiment.");
        }

        var definition = experiment.Definition;
        var variant = IndexOf(definition, variantName);
        if (variant < 0)
        {
            throw new ExperimentRequestException($"Experiment '{experiment.Name}' has no variant '{variantName}'; its variants: {string.Join(", ", definition.Variants.Select(v => v.Name))}.");
        }

        if (ZoneOf(account) is not { } zone)
        {
            throw new ExperimentRequestException($"No account named '{account}'; configured accounts: {string.Join(", ", registry.Accounts.Select(a => a.Name))}.");
        }

        var existing = await store.GetPostsAsync(experiment.Id, cancellationToken);
        var round = existing.Count(p => p.Variant == variant);
        var added = (await store.AddPostsAsync(experiment.Id, [new PlannedPost(0, round, variant, account, at, AllocationPlanner.ClassOf(at, zone), text)], cancellationToken))[0];
        var outcome = await publisher.ScheduleAsync(
            new ExperimentPostRequest(experiment.Id, definition.Variants[variant].Name, account, text, at) { Media = definition.Variants[variant].Media },
            cancellationToken);
        var scheduled = outcome.PostId is { } postId
            ? added with { Status = ExperimentPostStatus.Scheduled, PostId = postId }
            : added with { Status = ExperimentPostStatus.Refused, Detail = outcome.Problem };
        await store.UpdatePostsAsync([scheduled], cancellationToken);
        return scheduled;
    }

    /// <summary>
    /// The variant the next post should carry. A bandit draws it by Thompson sampling over each variant's stored
    /// counters (Beta posteriors of the metric's events per trial, in the metric's direction, every variant keeping
    /// its minimum share), seeded by the experiment and its post count so a pick can be reproduced. Any other
    /// experiment takes turns: the variant with the fewest posts, the control first on a tie.
    /// </summary>
    public async Task<VariantPick> PickAsync(string idOrName, CancellationToken cancellationToken)
    {
        var experiment = await GetAsync(idOrName, cancellationToken);
        var definition = experiment.Definition;
        var k = definition.Variants.Count;
        var posts = (await store.GetPostsAsync(experiment.Id, cancellationToken)).Where(p => p.Status != ExperimentPostStatus.Refused).ToList();
        if (!definition.Decision.Bandit)
        {
            var counts = Enumerable.Range(0, k).Select(v => posts.Count(p => p.Variant == v)).ToList();
            var next = counts.IndexOf(counts.Min());
            return new VariantPick(next, definition.Variants[next].Name, [.. Enumerable.Range(0, k).Select(v => v == next ? 1.0 : 0.0)]);
        }

        var latest = await store.GetLatestAsync(experiment.Id, cancellationToken);
        var metric = definition.Metric;
        var arms = Enumerable.Range(0, k).Select(v =>
        {
            var mine = latest.Where(l => l.Variant == v).ToList();
            var trials = mine.Sum(l => l.Counters.Get(metric.Denominator) ?? 0);
            var events = mine.Sum(l => l.Counters.Get(metric.Numerator) ?? 0);

            // A Beta posterior counts events among trials; a ratio metric whose numerator outgrows it is capped there.
            return new BetaArm(Math.Min(events, trials), trials);
        }).ToList();
        var seed = StableSeed(experiment.Id, posts.Count);
        var allocation = ThompsonSampler.Allocate(arms, seed, new ThompsonSamplingOptions { MinimumShare = definition.Decision.MinimumShare, Direction = metric.Direction });
        var draw = new Random(seed ^ 0x5eed).NextDouble();
        var chosen = k - 1;
        var cumulative = 0.0;
        for (var i = 0; i < k; i++)
        {
            cumulative += allocation.Weights[i];
            if (draw < cumulative)
            {
                chosen = i;
                break;
            }
        }

        return new VariantPick(chosen, definition.Variants[chosen].Name, allocation.Weights);
    }

    public async Task<Experiment> GetAsync(string idOrName, CancellationToken cancellationToken) =>
        await store.FindAsync(idOrName, cancellationToken)
        ?? throw new ExperimentRequestException($"No experiment '{idOrName}'. `mops experiment list` shows the ids and names.");

    public Task<IReadOnlyList<ExperimentPost>> GetPostsAsync(string experimentId, CancellationToken cancellationToken) => store.GetPostsAsync(experimentId, cancellationToken);

    /// <summary>Stops a running experiment and cancels its posts that are not published yet.</summary>
    public async Task<Experiment> StopAsync(string idOrName, string reason, CancellationToken cancellationToken)
    {
        var experiment = await GetAsync(idOrName, cancellationToken);
        if (experiment.IsFinished)
        {
            throw new ExperimentRequestException($"Experiment '{experiment.Name}' is {experiment.State} already; only a running experiment can be stopped.");
        }

        var cancelled = new List<ExperimentPost>();
        foreach (var post in await store.GetPostsAsync(experiment.Id, cancellationToken))
        {
            if (post.Status == ExperimentPostStatus.Scheduled && post.PostId is { } postId && await publisher.CancelAsync(postId, cancellationToken))
            {
                cancelled.Add(post with { Status = ExperimentPostStatus.Failed, Detail = "cancelled when the experiment stopped" });
            }
        }

        await store.UpdatePostsAsync(cancelled, cancellationToken);
        var now = time.GetUtcNow();
        var stopped = await store.TryUpdateAsync(experiment, experiment with { State = ExperimentState.Stopped, Note = reason, UpdatedAt = now }, cancellationToken)
            ?? throw new ExperimentRequestException($"Experiment '{experiment.Name}' changed while it was being stopped; look at it again with `mops experiment show {experiment.Id}`.");
        logger.LogInformation("Experiment {ExperimentId} stopped ({Reason}); {Cancelled} unpublished posts cancelled", experiment.Id, reason, cancelled.Count);
        return stopped;
    }

    /// <summary>Analyses the experiment as it stands now.</summary>
    public async Task<ExperimentReport> ReportAsync(string idOrName, CancellationToken cancellationToken) =>
        await ReportAsync(await GetAsync(idOrName, cancellationToken), cancellationToken);

    public async Task<ExperimentReport> ReportAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var posts = await store.GetPostsAsync(experiment.Id, cancellationToken);
        var latest = await store.GetLatestAsync(experiment.Id, cancellationToken);
        var series = await store.GetSeriesAsync(experiment.Id, cancellationToken);
        return analyser.Analyse(experiment, posts, latest, series, time.GetUtcNow());
    }

    /// <summary>
    /// One look after a metrics collection: counts it, applies the decision rule and records what it concluded;
    /// on a decision, schedules the winner when the definition asks. Returns the experiment as stored.
    /// </summary>
    public async Task<Experiment> LookAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var looked = experiment with { Looks = experiment.Looks + 1 };
        var report = await ReportAsync(looked, cancellationToken);
        var now = time.GetUtcNow();
        var outcome = ExperimentDecider.Evaluate(looked, report, now);
        var next = looked;
        if (outcome.Decision is { } decision)
        {
            next = looked with { State = ExperimentState.Decided, Decision = await FollowUpAsync(looked, decision, now, cancellationToken), UpdatedAt = now };
            logger.LogInformation("Experiment {ExperimentId} decided at look {Look}: winner {Winner}", experiment.Id, decision.Look, decision.Winner);
        }
        else if (outcome.Completed)
        {
            next = looked with { State = ExperimentState.Completed, Note = outcome.Note, UpdatedAt = now };
            logger.LogInformation("Experiment {ExperimentId} completed without a winner: {Note}", experiment.Id, outcome.Note);
        }

        return await store.TryUpdateAsync(experiment, next, cancellationToken) ?? await GetAsync(experiment.Id, cancellationToken);
    }

    private static int IndexOf(ExperimentDefinition definition, string variantName)
    {
        for (var i = 0; i < definition.Variants.Count; i++)
        {
            if (string.Equals(definition.Variants[i].Name, variantName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>FNV-1a over the id and the count: the same on every run and machine, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int StableSeed(string id, int count)
    {
        var hash = 2166136261u;
        foreach (var c in $"{id}/{count.ToString(CultureInfo.InvariantCulture)}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private async Task<ExperimentDecision> FollowUpAsync(Experiment experiment, ExperimentDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = experiment.Definition;
        if (!definition.OnWin.ScheduleWinner)
        {
            return decision;
        }

        var winner = definition.Variants.First(v => v.Name == decision.Winner);
        var account = definition.OnWin.Account ?? winner.Account ?? definition.Accounts[0];
        var outcome = await publisher.ScheduleAsync(
            new ExperimentPostRequest(experiment.Id, winner.Name, account, winner.Text, now + definition.OnWin.Delay) { Media = winner.Media, Source = "experiment-winner" },
            cancellationToken);
        if (outcome.Problem is not null)
        {
            logger.LogWarning("The winner of experiment {ExperimentId} was not scheduled: {Problem}", experiment.Id, outcome.Problem);
        }

        return decision with { WinnerPostId = outcome.PostId, WinnerPostProblem = outcome.Problem };
    }
}
