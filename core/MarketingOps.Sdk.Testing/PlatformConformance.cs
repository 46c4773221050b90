using System.Globalization;
using MarketingOps.Core.Posts;

namespace MarketingOps.Sdk.Testing;

/// <summary>
/// The checks of the conformance kit, each against a freshly loaded plugin. Each throws a
/// <see cref="ConformanceException"/> whose message says what the host relies on and what to change.
/// </summary>
public sealed class PlatformConformance(PlatformUnderTest plugin)
{
    private static readonly PublishRequest Template = new("conformance", new PostDraft("x"), "key", 1, ConformanceHost.Start);
    private int _texts;

    /// <summary>The descriptor and its limits are what the host can work with, and stay the same between reads.</summary>
    public void DescriptorIsSane()
    {
        using var host = new ConformanceHost(plugin);
        var descriptor = host.Platform.Descriptor;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(descriptor.DisplayName)) problems.Add("Descriptor.DisplayName is empty: users see it in every list");
        if (descriptor.Limits.MaxTextLength < 1) problems.Add($"Limits.MaxTextLength is {descriptor.Limits.MaxTextLength}: the guardrails refuse every text");
        if (descriptor.Limits.MaxMedia < 0) problems.Add($"Limits.MaxMedia is {descriptor.Limits.MaxMedia}");
        if (descriptor.Capabilities.HasFlag(PlatformCapabilities.Media) != (descriptor.Limits.MaxMedia > 0)) problems.Add($"Capabilities {(descriptor.Capabilities.HasFlag(PlatformCapabilities.Media) ? "include" : "leave out")} Media while Limits.MaxMedia is {descriptor.Limits.MaxMedia}: declare both or neither");
        if (descriptor.Limits.MetricsBatchSize < 1) problems.Add($"Limits.MetricsBatchSize is {descriptor.Limits.MetricsBatchSize}: the metrics job asks for at least one post per call");
        foreach (var budget in descriptor.Limits.RateBudgets)
        {
            if (budget.Limit < 1 || budget.Window <= TimeSpan.Zero) problems.Add($"rate budget '{budget.Operation}' allows {budget.Limit} per {budget.Window}: both must be positive");
            if (budget.Operation is not ("publish" or "metrics" or "delete" or "reply" or "dm")) problems.Add($"rate budget '{budget.Operation}' names no operation the host meters (publish, metrics, delete, reply, dm)");
        }

        if ((host.Platform is IAudienceSource) != descriptor.Capabilities.HasFlag(PlatformCapabilities.AudienceEvents)) problems.Add("Capabilities.AudienceEvents must be declared exactly when the platform implements IAudienceSource");
        if (descriptor.Automation.PostsPerDay < 0 || descriptor.Automation.RepliesPerHour < 0 || descriptor.Automation.DirectMessagesPerDay < 0) problems.Add("Automation caps must not be negative");
        if (!Equals(descriptor, host.Platform.Descriptor)) problems.Add("Descriptor returns a different value on each read: build it once (the host reads it often)");
        Fail("The descriptor is not one the host can rely on", problems);
    }

    /// <summary>
    /// Validate measures what the descriptor declares without calling the network, and ValidateAsync for the account (what
    /// the host checks before publishing) measures what PublishAsync enforces: a text at its limit passes both, one past it
    /// fails both, and PublishAsync refuses it without sending it.
    /// </summary>
    public async Task ValidateAgreesWithPublish(CancellationToken cancellationToken = default)
    {
        using var host = new ConformanceHost(plugin);
        var limits = host.Platform.Descriptor.Limits;
        var atLimit = Unique(limits.MaxTextLength);
        var pastLimit = new string('x', limits.MaxTextLength + 1);
        var requests = host.Tap.Requests.Count;
        var valid = host.Platform.Validate(new PostDraft(atLimit));
        var invalid = host.Platform.Validate(new PostDraft(pastLimit));
        var empty = host.Platform.Validate(new PostDraft(""));
        var problems = new List<string>();
        if (host.Tap.Requests.Count != requests) problems.Add("Validate made an HTTP request: it must decide from the text alone (the host calls it while the user types)");
        if (!valid.IsValid) problems.Add($"Validate refused a text of exactly Limits.MaxTextLength ({limits.MaxTextLength}) plain characters: {string.Join("; ", valid.Problems)}");
        if (valid.MaxLength != limits.MaxTextLength) problems.Add($"Validate reports MaxLength {valid.MaxLength} while the descriptor declares {limits.MaxTextLength}: they must agree");
        if (invalid.IsValid) problems.Add($"Validate accepted {limits.MaxTextLength + 1} characters although Limits.MaxTextLength is {limits.MaxTextLength}");
        if (invalid.Length <= invalid.MaxLength) problems.Add($"Validate measured {limits.MaxTextLength + 1} plain characters as {invalid.Length}: Length must be the platform's count");
        if (empty.IsValid) problems.Add("Validate accepted an empty text with no media");

        // Before it publishes, the host checks a draft with ValidateAsync for the account (SDK 1.1), whose limit may be the
        // account's own (a Mastodon instance's, say) rather than the descriptor's default: PublishAsync must enforce that one.
        var accountLimit = (await host.Platform.ValidateAsync(plugin.Account, new PostDraft("x"), cancellationToken)).MaxLength;
        var (accountAtLimit, accountPastLimit) = accountLimit == limits.MaxTextLength ? (atLimit, pastLimit) : (Unique(accountLimit), new string('x', accountLimit + 1));
        var accountValid = await host.Platform.ValidateAsync(plugin.Account, new PostDraft(accountAtLimit), cancellationToken);
        var accountInvalid = await host.Platform.ValidateAsync(plugin.Account, new PostDraft(accountPastLimit), cancellationToken);
        if (!accountValid.IsValid) problems.Add($"ValidateAsync for account {plugin.Account} refused a text of exactly the MaxLength it reports ({accountLimit}): {string.Join("; ", accountValid.Problems)}");
        if (accountInvalid.IsValid) problems.Add($"ValidateAsync for account {plugin.Account} accepted {accountLimit + 1} characters although it reports MaxLength {accountLimit}");

        var published = await host.Platform.PublishAsync(Request(host, accountAtLimit), cancellationToken);
        if (published.Post is null) problems.Add($"PublishAsync refused a text of {accountLimit} characters that ValidateAsync accepted ({published.Error!.Kind}: {published.Error.Message}): what the host validated must publish");
        var writes = Writes(host);
        var refused = await host.Platform.PublishAsync(Request(host, accountPastLimit), cancellationToken);
        if (refused.Error?.Kind != PlatformErrorKind.Rejected) problems.Add($"PublishAsync answered {Describe(refused)} for a text of {accountLimit + 1} characters that ValidateAsync refused: it must check the draft itself and answer Rejected without sending it");
        else if (Writes(host) != writes) problems.Add($"PublishAsync sent a write request for a text of {accountLimit + 1} characters that ValidateAsync refused, before answering Rejected: check the draft before sending it");
        if (!host.Platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.DirectMessages) && host.Platform.Validate(new PostDraft("hi") { Kind = MessageKind.DirectMessage, Recipient = "@ana" }).IsValid)
        {
            problems.Add("Validate accepted a direct message although the descriptor does not declare DirectMessages");
        }

        Fail("Validate and PublishAsync disagree", problems);
    }

    /// <summary>The same idempotency key never creates two posts: on a platform that declares Idempotency, a repeat answers with the first post.</summary>
    public async Task SameKeyNeverCreatesTwoPosts(CancellationToken cancellationToken = default)
    {
        using var host = new ConformanceHost(plugin);
        if (!host.Platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Idempotency))
        {
            // Without idempotency the host never repeats a publish blind: AmbiguousFailuresAreAmbiguous covers that side.
            Xunit.Assert.Skip("The platform does not declare Idempotency: the host looks a post up instead of repeating it (see the ambiguity check).");
        }

        var request = Request(host, Unique(40));
        var first = await host.Platform.PublishAsync(request, cancellationToken);
        var second = await host.Platform.PublishAsync(request with { Attempt = 2 }, cancellationToken);
        if (first.Post is null || second.Post is null)
        {
            throw new ConformanceException($"Publishing one draft twice with the same IdempotencyKey answered {Describe(first)}, then {Describe(second)}: a platform that declares Idempotency answers the repeat with the post the first attempt created.");
        }

        if (first.Post.Id != second.Post.Id)
        {
            throw new ConformanceException($"Two publishes with the same IdempotencyKey created two posts ({first.Post.Id}, then {second.Post.Id}). The plugin declares PlatformCapabilities.Idempotency, so the host retries with the same key after a transient failure and trusts the platform to answer with the first post: pass PublishRequest.IdempotencyKey to the platform (for example as an Idempotency-Key header or a record key), or stop declaring Idempotency.");
        }
    }

    /// <summary>
    /// On a platform that declares Replies, a thread's later part (<see cref="PostDraft.Thread"/> set, as the host sends it
    /// once the part before is out) is published as a post of its own under its own key, and the lookup finds it.
    /// </summary>
    public async Task ThreadPartsArePublishedUnderTheirOwnKeys(CancellationToken cancellationToken = default)
    {
        using var host = new ConformanceHost(plugin);
        if (!host.Platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Replies))
        {
            Xunit.Assert.Skip("The platform does not declare Replies: the host refuses threads for it.");
        }

        var first = await host.Platform.PublishAsync(Request(host, Unique(40)), cancellationToken);
        if (first.Post is not { } root)
        {
            throw new ConformanceException($"Publishing a thread's first part answered {Describe(first)}.");
        }

        var plain = Request(host, Unique(40));
        var second = plain with { Draft = plain.Draft with { InReplyTo = root.Id, Thread = new ThreadReference(root.Id, root.Id, 2, 2) } };
        var reply = await host.Platform.PublishAsync(second, cancellationToken);
        if (reply.Post is not { } part || part.Id == root.Id)
        {
            throw new ConformanceException($"Publishing a thread's second part (PostDraft.Thread.ParentId = {root.Id}) answered {Describe(reply)}: publish it as a reply to ParentId, as a new post under its own idempotency key.");
        }

        var found = await host.Platform.LookupAsync(second, cancellationToken);
        if (found.Post?.Id != part.Id)
        {
            throw new ConformanceException($"The lookup of a thread's second part answered {found.Status} {found.Post?.Id}, not {part.Id}: the host settles an uncertain part by this lookup, so it must find the part by its own key.");
        }
    }

    /// <summary>A publish whose answer was lost after the platform applied it is reported as Ambiguous (never as a failure), and the host's lookup then finds the post.</summary>
    public async Task AmbiguousFailuresAreAmbiguous(CancellationToken cancellationToken = default)
    {
        foreach (var fault in new[] { HttpFault.LostAnswer, HttpFault.ServerErrorAfterSending })
        {
            using var host = new ConformanceHost(plugin, plugin.LostAnswerSettingsJson);
            if (plugin.LostAnswerSettingsJson is null)
            {
                host.Tap.Arm(fault, plugin.PostCreatingRequest ?? await PostCreatingRequestAsync(host, cancellationToken));
            }

            var request = Request(host, Unique(40));
            var result = await host.Platform.PublishAsync(request, cancellationToken);
            if (plugin.LostAnswerSettingsJson is null && !host.Tap.Injected)
            {
                throw new ConformanceException($"The kit could not inject a fault: PublishAsync sent no write request ({host.Tap.Target ?? "none in a clean publish"}) through the HTTP handler the host gives plugins. Build your HttpClient on IPluginRegistrar.CreateHttpMessageHandler() (SDK 1.1), or, for a network that is not HTTP, set PlatformUnderTest.LostAnswerSettingsJson to settings that make it lose the answer to a publish.");
            }

            var idempotent = host.Platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Idempotency);
            var kind = result.Error?.Kind;

            // A plugin on a platform that deduplicates may settle the outcome itself under the same key (a retry the
            // platform answers with the first post, or a read of the record key): that is the post, not a second one.
            var settledUnderTheKey = idempotent && result.Post is { } settled && host.Tap.SwallowedAnswer is { } answer && answer.Contains(settled.Id, StringComparison.Ordinal);
            if (!settledUnderTheKey && kind != PlatformErrorKind.Ambiguous && !(idempotent && kind == PlatformErrorKind.Transient))
            {
                var what = fault == HttpFault.LostAnswer ? "the request reached the platform and was applied, but its answer was lost (a timeout after sending)" : "the request reached the platform and was applied, but it answered 500";
                throw new ConformanceException($"PublishAsync answered {Describe(result)} when {what}. The post may exist, so the host must look it up before anything else: return PlatformErrorKind.Ambiguous for any failure after the request may have reached the platform (Transient only when nothing was sent, or when the platform deduplicates by IdempotencyKey and the plugin declares Idempotency; Published only with the very post the lost attempt created, found under the same key).");
            }

            var lookup = await host.Platform.LookupAsync(request with { Attempt = 2 }, cancellationToken);
            if (plugin.LostAnswerSettingsJson is null && lookup.Status != LookupStatus.Found)
            {
                throw new ConformanceException($"After a publish that the platform applied but whose answer was lost, LookupAsync answered {lookup.Status} {lookup.Detail}: the host relies on the lookup to find the post (search from PublishRequest.FirstAttemptAt, match the text or the idempotency key), else it is marked Unconfirmed for a human.");
            }

            if (lookup.Post is { } found && host.Tap.SwallowedAnswer is { } swallowed && !swallowed.Contains(found.Id, StringComparison.Ordinal))
            {
                throw new ConformanceException($"LookupAsync found post {found.Id}, which is not the post the lost answer named; the lookup must find the post that attempt created.");
            }
        }
    }

    /// <summary>The host's own pipeline publishes a post through the plugin on the fake clock, and records the platform's id and URL.</summary>
    public async Task PublishesThroughTheHostPipeline(CancellationToken cancellationToken = default)
    {
        using var host = new ConformanceHost(plugin);
        var post = await host.ScheduleAndFireAsync(Unique(40), cancellationToken);
        if (post.State != PostState.Published || string.IsNullOrEmpty(post.PlatformPostId))
        {
            throw new ConformanceException($"The host's pipeline left the post {post.State}: {post.LastError}. A plain text post of 40 characters must publish.");
        }

        var lookup = await host.Platform.LookupAsync(Template with { Account = plugin.Account, Draft = post.ToDraft(), IdempotencyKey = post.IdempotencyKey, Attempt = 2, FirstAttemptAt = post.FirstAttemptAt ?? post.DueAt }, cancellationToken);
        if (lookup.Status != LookupStatus.Found || lookup.Post?.Id != post.PlatformPostId)
        {
            throw new ConformanceException($"LookupAsync answered {lookup.Status} {lookup.Post?.Id} for post {post.PlatformPostId} the plugin had just published: a lookup must find what PublishAsync created.");
        }
    }

    /// <summary>A cancelled call stops: a call with a token already cancelled throws OperationCanceledException and sends nothing, and a hanging request is abandoned when the token fires.</summary>
    public async Task CancellationIsHonoured(CancellationToken cancellationToken = default)
    {
        using var host = new ConformanceHost(plugin);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var before = host.Tap.Requests.Count;
        await ExpectCancelled("PublishAsync", () => host.Platform.PublishAsync(Request(host, Unique(20)), cancelled.Token));
        await ExpectCancelled("LookupAsync", () => host.Platform.LookupAsync(Request(host, Unique(20)), cancelled.Token));
        await ExpectCancelled("GetMetricsAsync", () => host.Platform.GetMetricsAsync(plugin.Account, ["1"], cancelled.Token));
        if (host.Tap.Requests.Count != before)
        {
            throw new ConformanceException($"A call with an already cancelled token still sent {host.Tap.Requests.Count - before} request(s): check the token before sending.");
        }

        if (host.Tap.Requests.Count == 0 && (await host.Platform.PublishAsync(Request(host, Unique(20)), cancellationToken)).Post is not null && host.Tap.Requests.Count == 0)
        {
            return; // not an HTTP plugin: nothing can hang
        }

        host.Tap.Arm(HttpFault.Hang);
        using var hanging = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var call = host.Platform.PublishAsync(Request(host, Unique(20)), hanging.Token);
        while (!host.Tap.Injected && !call.IsCompleted)
        {
            await Task.Yield();
        }

        await hanging.CancelAsync();
        try
        {
            var result = await call.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            throw new ConformanceException($"PublishAsync answered {Describe(result)} after the host cancelled it: throw OperationCanceledException (the host settles the post by lookup at its next start).");
        }
        catch (TimeoutException)
        {
            throw new ConformanceException("PublishAsync was still running 30 seconds after the host cancelled it: pass the CancellationToken to every call that may wait.");
        }
        catch (OperationCanceledException)
        {
            // honoured
        }
    }

    /// <summary>A batch of Limits.MetricsBatchSize posts gets one answer per post, in one call.</summary>
    public async Task MetricsBatchesRespectTheDeclaredSize(CancellationToken cancellationToken = default)
    {
        using var host = new ConformanceHost(plugin);
        var descriptor = host.Platform.Descriptor;
        if (!descriptor.Capabilities.HasFlag(PlatformCapabilities.Metrics))
        {
            Xunit.Assert.Skip("The platform does not declare Metrics: the metrics job never calls it.");
        }

        var size = Math.Min(descriptor.Limits.MetricsBatchSize, 500);
        var ids = new List<string>();
        for (var i = 0; i < size; i++)
        {
            var published = await host.Platform.PublishAsync(Request(host, Unique(30)), cancellationToken);
            ids.Add(published.Post?.Id ?? throw new ConformanceException($"publishing post {i + 1} of a metrics batch failed: {Describe(published)}"));
            host.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var metrics = await host.Platform.GetMetricsAsync(plugin.Account, ids, cancellationToken);
        var answered = metrics.Select(m => m.PostId).ToHashSet(StringComparer.Ordinal);
        var missing = ids.Where(id => !answered.Contains(id)).ToList();
        var available = metrics.Count(m => m.Status == MetricsStatus.Available);
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"{missing.Count} of the {size} posts got no answer (for example {missing[0]}): return one PostMetrics per id asked, Unavailable when the platform did not return it");
        if (metrics.Count != metrics.Select(m => m.PostId).Distinct(StringComparer.Ordinal).Count() || metrics.Any(m => !ids.Contains(m.PostId))) problems.Add("the answer holds ids that were not asked for, or an id twice");
        if (plugin.MetricsRightAfterPublish && available == 0) problems.Add($"all {size} posts published a moment ago came back without counters: declare the largest batch your API answers in one call as Limits.MetricsBatchSize (now {descriptor.Limits.MetricsBatchSize}), or split the ids into several requests");
        if (metrics.SelectMany(m => m.Counters.Values).Any(v => v < 0)) problems.Add("a counter is negative");
        Fail($"GetMetricsAsync does not serve a batch of Limits.MetricsBatchSize ({size}) posts", problems);
    }

    /// <summary>No secret value appears in a log line, an exception message or a result, also when a hostile network echoes the request's credentials back.</summary>
    public async Task SecretsNeverLeak(CancellationToken cancellationToken = default)
    {
        if (plugin.Secrets.Count == 0)
        {
            Xunit.Assert.Skip("The plugin under test is given no secrets (PlatformUnderTest.Secrets), so there is no canary to look for.");
        }

        var seen = new List<string>();
        foreach (var fault in new[] { HttpFault.None, HttpFault.EchoCredentials, HttpFault.LostAnswer, HttpFault.ServerErrorAfterSending })
        {
            using var host = new ConformanceHost(plugin);
            if (fault != HttpFault.None)
            {
                host.Tap.Arm(fault);
            }

            var request = Request(host, Unique(30));
            seen.Add(await Capture(() => host.Platform.PublishAsync(request, cancellationToken), Describe));
            seen.Add(await Capture(() => host.Platform.LookupAsync(request with { Attempt = 2 }, cancellationToken), r => $"{r.Status} {r.Detail} {r.Post}"));
            seen.Add(await Capture(() => host.Platform.GetMetricsAsync(plugin.Account, ["1"], cancellationToken), r => string.Join(" ", r)));
            seen.Add(await Capture(() => host.Platform.DeleteAsync(plugin.Account, "1", cancellationToken), r => $"{r.Error}"));
            host.Tap.Disarm();
            var post = await host.ScheduleAndFireAsync(Unique(30), cancellationToken);
            seen.Add($"{post.LastError} {post.PlatformUrl}");
            seen.AddRange(host.Logs.Lines);
        }

        foreach (var (name, value) in plugin.Secrets)
        {
            if (seen.FirstOrDefault(s => s.Contains(value, StringComparison.Ordinal)) is { } leak)
            {
                throw new ConformanceException($"The secret {name} appeared in: \"{leak.Replace(value, $"<{name}>", StringComparison.Ordinal)}\". Never log a credential, and never put one (or a server's answer that echoes one) into an exception message or a PlatformError: redact every secret value you read before any text leaves the plugin.");
            }
        }
    }

    /// <summary>
    /// The request that creates a post, as "METHOD /path": the last write of one clean publish. A plugin may write before
    /// it publishes (a login, a media upload), and a fault there loses no post; this also warms up its session.
    /// </summary>
    private async Task<string?> PostCreatingRequestAsync(ConformanceHost host, CancellationToken cancellationToken)
    {
        var before = host.Tap.Requests.Count;
        var clean = await host.Platform.PublishAsync(Request(host, Unique(40)), cancellationToken);
        if (clean.Post is null)
        {
            throw new ConformanceException($"A plain publish of 40 characters answered {Describe(clean)} with no fault injected, so the kit cannot tell which request creates a post. A plain text post must publish.");
        }

        return host.Tap.Requests.Skip(before).LastOrDefault(IsWrite);
    }

    private static int Writes(ConformanceHost host) =>
        host.Tap.Requests.Count(IsWrite);

    private static bool IsWrite(string request) => !request.StartsWith("GET ", StringComparison.Ordinal) && !request.StartsWith("HEAD ", StringComparison.Ordinal);

    private PublishRequest Request(ConformanceHost host, string text) =>
        new(plugin.Account, new PostDraft(text), Guid.NewGuid().ToString("N"), 1, host.Clock.GetUtcNow());

    /// <summary>A text of <paramref name="length"/> plain characters that no earlier check used.</summary>
    private string Unique(int length)
    {
        var stamp = $"conformance {Interlocked.Increment(ref _texts).ToString(CultureInfo.InvariantCulture)} {Guid.NewGuid():N} ";
        return (stamp + new string('x', Math.Max(0, length - stamp.Length)))[..Math.Min(length, Math.Max(length, 1))];
    }

    private static async Task ExpectCancelled(string call, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (OperationCanceledException)
        {
            return;
        }

        throw new ConformanceException($"{call} with an already cancelled token completed instead of throwing OperationCanceledException: the host cancels calls when it stops; honour the token.");
    }

    private static async Task<string> Capture<T>(Func<Task<T>> call, Func<T, string> describe)
    {
        try
        {
            return describe(await call());
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    private static string Describe(PublishResult result) =>
        result.Post is { } post ? $"Published {post.Id}" : $"{result.Error!.Kind} (\"{result.Error.Message}\")";

    private static void Fail(string what, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ConformanceException($"{what}:\n- {string.Join("\n- ", problems)}");
        }
    }
}
