using System.Globalization;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Experiments.Publishing;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Experiments;

/// <summary>What the CLI, scripts and the metrics job do with experiments: plan, create, list, stop, report, look.</summary>
internal sealed class ExperimentService(
    IExperimentStore store,
    IPlatformRegistry registry,
    IExperimentPublisher publisher,
    ExperimentAnalyser analyser,
    TimeProvider time,
    ILogger<ExperimentService> logger,
    IOptions<GuardrailOptions>? guardrails = null)
{
    /// <summary>
    /// Checks everything that would refuse the experiment or any of its posts, storing nothing: the definition and its
    /// accounts, repeated texts, the name, a start in the past, every wording against its platforms' rules, and every
    /// planned post through publishing's own checks (guardrails included, each post as if the earlier ones were
    /// scheduled). Throws <see cref="ExperimentRequestException"/> listing every problem; otherwise returns the plan
    /// with its warnings. <c>--dry-run</c> and creation run the same check.
    /// </summary>
    public async Task<AllocationResult> PlanAsync(ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        Check(definition);
        var now = time.GetUtcNow();
        var plan = definition.Decision.Bandit
            ? new AllocationResult([], [])
            : AllocationPlanner.Plan(definition, a => ZoneOf(a) ?? TimeZoneInfo.Utc, now);

        // The guardrails would refuse repeated texts one post at a time, days into the experiment; refuse the plan now instead.
        var (problems, warnings) = RepeatedTextCheck.Check(definition, plan.Posts, guardrails?.Value ?? new GuardrailOptions(), a => registry.FindAccount(a)?.Platform ?? a);
        if (await store.FindAsync(definition.Name, cancellationToken) is { State: not ExperimentState.Stopped } taken
            && string.Equals(taken.Name, definition.Name, StringComparison.OrdinalIgnoreCase))
        {
            problems.Insert(0, ExperimentNames.Taken(taken.Name, taken.Id, taken.State));
        }

        if (CreationCheck.PastStart(definition, plan.Posts, now, ZoneOrUtc) is { } past)
        {
            problems.Add(past);
        }

        problems.AddRange(await CreationCheck.WordingsAsync(definition, registry, cancellationToken));
        var checks = await publisher.CheckAsync([.. plan.Posts.Select(p => Request("check", definition, p))], cancellationToken);
        var (refused, held) = CreationCheck.Posts(definition, plan.Posts, checks, ZoneOrUtc);
        problems.AddRange(refused);
        if (problems.Count > 0)
        {
            throw new ExperimentRequestException([.. problems.Distinct(StringComparer.Ordinal)]);
        }

        return plan with { Warnings = [.. plan.Warnings, .. warnings, .. held] };
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

    /// <summary>The time zone of a configured account (null for an unknown one; <see cref="PlanAsync"/> refuses those).</summary>
    public TimeZoneInfo? ZoneOf(string account) => registry.FindAccount(account)?.TimeZone;

    private TimeZoneInfo ZoneOrUtc(string account) => ZoneOf(account) ?? TimeZoneInfo.Utc;

    private static ExperimentPostRequest Request(string experimentId, ExperimentDefinition definition, PlannedPost post) =>
        new(experimentId, definition.Variants[post.Variant].Name, post.Account, post.Text, post.At) { Media = definition.Variants[post.Variant].Media, Campaign = definition.Name };

    /// <summary>
    /// All or nothing: checks the whole experiment first (<see cref="PlanAsync"/>), then stores it and hands every
    /// planned post to publishing. Should publishing refuse a post after all (something changed in between), the posts
    /// already scheduled are cancelled and the experiment is removed, and the refusal lists every problem.
    /// </summary>
    public async Task<CreatedExperiment> CreateAsync(ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        // A bandit plans nothing up front: its posts are added one pick at a time, and it runs until stopped
        // (its end is only the date its report looks towards).
        ArgumentNullException.ThrowIfNull(definition);
        var plan = await PlanAsync(definition, cancellationToken);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var endsAt = definition.Decision.Bandit ? now + definition.Horizon : AllocationPlanner.EndOf(definition, plan.Posts);
        var experiment = new Experiment(id, definition, ExperimentState.Draft, now, endsAt) { UpdatedAt = now };
        var (stored, posts) = await store.CreateAsync(experiment, plan.Posts, cancellationToken);
        var scheduled = new List<ExperimentPost>(posts.Count);
        var refused = new List<string>();
        foreach (var post in posts)
        {
            var outcome = await publisher.ScheduleAsync(Request(id, definition, post.Plan), cancellationToken);
            if (outcome.PostId is { } postId)
            {
                scheduled.Add(post with { Status = ExperimentPostStatus.Scheduled, PostId = postId });
            }
            else
            {
                refused.Add($"{CreationCheck.Where(definition, post.Plan, ZoneOrUtc(post.Account))}: {outcome.Problem}");
            }
        }

        if (refused.Count > 0)
        {
            await RollBackAsync(stored, scheduled, cancellationToken);
            throw new ExperimentRequestException([.. refused, $"nothing was created: the {scheduled.Count} posts already scheduled were cancelled and experiment '{definition.Name}' removed."]);
        }

        await store.UpdatePostsAsync(scheduled, cancellationToken);
        var running = await store.TryUpdateAsync(stored, stored with { State = ExperimentState.Running, UpdatedAt = time.GetUtcNow() }, cancellationToken) ?? stored;
        logger.LogInformation("Experiment {ExperimentId} ({Name}) created with {Posts} posts", id, definition.Name, scheduled.Count);
        return new CreatedExperiment(running, scheduled, plan.Warnings);
    }

    /// <summary>Undoes a creation publishing refused part of: its scheduled posts are withdrawn and the experiment is gone.</summary>
    private async Task RollBackAsync(Experiment experiment, List<ExperimentPost> scheduled, CancellationToken cancellationToken)
    {
        var reason = $"cancelled: experiment '{experiment.Name}' was refused while it was being created";
        foreach (var post in scheduled)
        {
            await publisher.CancelAsync(post.PostId!, reason, cancellationToken);
        }

        await store.DeleteAsync(experiment.Id, cancellationToken);
        logger.LogWarning("Experiment {ExperimentId} ({Name}) was refused during creation; {Posts} scheduled posts were cancelled", experiment.Id, experiment.Name, scheduled.Count);
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
            new ExperimentPostRequest(experiment.Id, definition.Variants[variant].Name, account, text, at) { Media = definition.Variants[variant].Media, Campaign = experiment.Name },
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
        var all = await store.GetPostsAsync(experiment.Id, cancellationToken);
        var posts = all.Where(p => p.Status != ExperimentPostStatus.Refused).ToList();
        if (!definition.Decision.Bandit)
        {
            var counts = Enumerable.Range(0, k).Select(v => posts.Count(p => p.Variant == v)).ToList();
            var next = counts.IndexOf(counts.Min());
            return new VariantPick(next, definition.Variants[next].Name, [.. Enumerable.Range(0, k).Select(v => v == next ? 1.0 : 0.0)]) { Round = all.Count(p => p.Variant == next) };
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
        var seed = PickSeed.Of(experiment.Id, posts.Count);
        var allocation = ThompsonSampler.Allocate(arms, seed, new ThompsonSamplingOptions { MinimumShare = definition.Decision.MinimumShare, Direction = metric.Direction });
        var draw = PickSeed.Draw(seed);
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

        return new VariantPick(chosen, definition.Variants[chosen].Name, allocation.Weights) { Round = all.Count(p => p.Variant == chosen) };
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

        var cancelled = await CancelPlannedAsync(experiment, _ => true, $"cancelled: experiment '{experiment.Name}' was stopped ({reason})", cancellationToken);
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
        var now = time.GetUtcNow();

        // The chart's grouping follows the experiment's span: minutes for an accelerated test, days for a long one.
        var start = posts.Count == 0 ? experiment.CreatedAt : posts.Min(p => p.PublishedAt ?? p.Plan.At);
        var end = experiment.IsFinished ? experiment.UpdatedAt : (now < experiment.EndsAt ? now : experiment.EndsAt);
        var bucket = SeriesGrouping.Choose(end > start ? end - start : TimeSpan.Zero);
        var series = bucket < SeriesGrouping.Hour
            ? SeriesGrouping.FromSnapshots(await store.GetSnapshotsAsync(experiment.Id, cancellationToken), posts.ToDictionary(p => p.Key, p => p.Variant), bucket)
            : SeriesGrouping.Regroup(await store.GetSeriesAsync(experiment.Id, cancellationToken), bucket);
        return analyser.Analyse(experiment, posts, latest, series, now, bucket);
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
            // Posts still planned would go out uncounted; only the winner's keep going when the experiment says so.
            var keep = looked.Definition.OnWin.KeepPosting ? IndexOf(looked.Definition, decision.Winner) : -1;
            var cancelled = await CancelPlannedAsync(
                looked,
                p => p.Variant != keep,
                $"cancelled by the decision of experiment '{looked.Name}' at look {decision.Look}: '{decision.Winner}' won",
                cancellationToken);
            next = looked with { State = ExperimentState.Decided, Decision = await FollowUpAsync(looked, decision, now, cancellationToken) with { PostsCancelled = cancelled.Count }, UpdatedAt = now };
            logger.LogInformation("Experiment {ExperimentId} decided at look {Look}: winner {Winner}; {Cancelled} planned posts cancelled", experiment.Id, decision.Look, decision.Winner, cancelled.Count);
        }
        else if (outcome.Completed)
        {
            next = looked with { State = ExperimentState.Completed, Note = outcome.Note, UpdatedAt = now };
            logger.LogInformation("Experiment {ExperimentId} completed without a winner: {Note}", experiment.Id, outcome.Note);
        }

        return await store.TryUpdateAsync(experiment, next, cancellationToken) ?? await GetAsync(experiment.Id, cancellationToken);
    }

    /// <summary>Withdraws the experiment's scheduled posts that <paramref name="which"/> picks and are not out yet; each keeps <paramref name="reason"/> in its history.</summary>
    private async Task<List<ExperimentPost>> CancelPlannedAsync(Experiment experiment, Func<ExperimentPost, bool> which, string reason, CancellationToken cancellationToken)
    {
        var cancelled = new List<ExperimentPost>();
        foreach (var post in await store.GetPostsAsync(experiment.Id, cancellationToken))
        {
            if (post.Status == ExperimentPostStatus.Scheduled && which(post) && post.PostId is { } postId && await publisher.CancelAsync(postId, reason, cancellationToken))
            {
                cancelled.Add(post with { Status = ExperimentPostStatus.Cancelled, Detail = reason });
            }
        }

        await store.UpdatePostsAsync(cancelled, cancellationToken);
        return cancelled;
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

    private async Task<ExperimentDecision> FollowUpAsync(Experiment experiment, ExperimentDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = experiment.Definition;
        if (!definition.OnWin.ScheduleWinner)
        {
            return decision;
        }

        var index = IndexOf(definition, decision.Winner);
        var winner = definition.Variants[index];
        var account = definition.OnWin.Account ?? winner.Account ?? definition.Accounts[0];

        // The winner's post takes the wording after its last round: repeating one it already posted is a duplicate.
        var round = (await store.GetPostsAsync(experiment.Id, cancellationToken)).Count(p => p.Variant == index);
        var outcome = await publisher.ScheduleAsync(
            new ExperimentPostRequest(experiment.Id, winner.Name, account, winner.TextFor(round), now + definition.OnWin.Delay) { Media = winner.Media, Source = "experiment-winner", Campaign = experiment.Name },
            cancellationToken);
        if (outcome.Problem is not null)
        {
            logger.LogWarning("The winner of experiment {ExperimentId} was not scheduled: {Problem}", experiment.Id, outcome.Problem);
        }

        return decision with { WinnerPostId = outcome.PostId, WinnerPostProblem = outcome.Problem };
    }
}
