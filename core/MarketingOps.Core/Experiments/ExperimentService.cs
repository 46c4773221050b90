using System.Globalization;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Plugins;
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

        return AllocationPlanner.Plan(definition, a => ZoneOf(a) ?? TimeZoneInfo.Utc, time.GetUtcNow());
    }

    /// <summary>The time zone of a configured account (UTC for an unknown one; <see cref="Plan"/> refuses those).</summary>
    public TimeZoneInfo? ZoneOf(string account) => registry.FindAccount(account)?.TimeZone;

    /// <summary>Stores the experiment and hands every planned post to publishing; refused posts are recorded, not fatal.</summary>
    public async Task<CreatedExperiment> CreateAsync(ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        var plan = Plan(definition);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var experiment = new Experiment(id, definition, ExperimentState.Draft, now, AllocationPlanner.EndOf(definition, plan.Posts)) { UpdatedAt = now };
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
