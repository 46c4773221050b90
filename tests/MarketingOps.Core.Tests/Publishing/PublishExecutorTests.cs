using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Publishing;

public sealed class PublishExecutorTests
{
    [Fact]
    public async Task Publishing_is_committed_before_the_plugin_is_called_and_success_records_the_platform_id()
    {
        using var fixture = new PublishingFixture();
        PostState? stateDuringCall = null;
        fixture.Platform.DuringPublish = async request =>
        {
            var stored = await fixture.Store.ListAsync(new PostQuery(), CancellationToken.None);
            stateDuringCall = stored.Single().State;
        };
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10), "Hello from the test");

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Publishing, stateDuringCall);
        Assert.Equal(PostState.Published, result!.State);
        Assert.Equal("p1", result.PlatformPostId);
        Assert.Equal(new Uri("https://fake.example/acme/p1"), result.PlatformUrl);
        var call = Assert.Single(fixture.Platform.PublishCalls);
        Assert.Equal((post.IdempotencyKey, 1, "acme", "Hello from the test"), (call.IdempotencyKey, call.Attempt, call.Account, call.Draft.Text));
        Assert.Null(result.LastError);
    }

    [Theory]
    [InlineData(PlatformErrorKind.Rejected, "rejected by the platform: status is a duplicate")]
    public async Task A_definite_failure_fails_the_post_with_the_platforms_reason(PlatformErrorKind kind, string expected)
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(kind, "status is a duplicate");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Failed, result!.State);
        Assert.StartsWith(expected, result.LastError, StringComparison.Ordinal);
        Assert.Empty(fixture.Platform.LookupCalls);
        Assert.False(fixture.Scheduler.Triggers.TryGetValue(post.Id, out var at) && at > fixture.Time.GetUtcNow());
    }

    [Fact]
    public async Task Refused_credentials_hold_the_accounts_posts_in_Scheduled_without_asking_again_until_the_next_check()
    {
        using var fixture = new PublishingFixture(options: new PublishingOptions { CredentialsRecheckInterval = TimeSpan.FromMinutes(15) });
        fixture.Platform.ThenFail(PlatformErrorKind.Unauthorized, "token revoked");
        var first = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        var second = await fixture.ScheduleAsync(TimeSpan.FromMinutes(12));

        var held = await fixture.FireAsync(first.Id);

        var recheck = PublishingFixture.Start.AddMinutes(25);
        Assert.Equal((PostState.Scheduled, recheck, 0), (held!.State, held.DueAt, held.TransientFailures));
        Assert.Contains("waiting for account 'acme' to be connected again", held.LastError, StringComparison.Ordinal);
        Assert.Contains("token revoked", held.LastError, StringComparison.Ordinal);
        Assert.Contains("mops accounts connect acme", held.LastError, StringComparison.Ordinal);

        // The second post does not ask the platform again: it waits for the same check, with the same reason.
        var waiting = await fixture.FireAsync(second.Id);
        Assert.Equal((PostState.Scheduled, recheck, held.LastError), (waiting!.State, waiting.DueAt, waiting.LastError));
        Assert.Equal(recheck, fixture.Scheduler.Triggers[second.Id]);
        Assert.Single(fixture.Platform.PublishCalls);

        // At the check the credentials work again (reconnected): both publish.
        Assert.Equal(PostState.Published, (await fixture.FireAsync(first.Id))!.State);
        Assert.Equal(PostState.Published, (await fixture.FireAsync(second.Id))!.State);
        Assert.Equal(3, fixture.Platform.PublishCalls.Count);
    }

    [Fact]
    public async Task A_rate_limit_reschedules_at_the_reset_time_without_counting_a_failure()
    {
        using var fixture = new PublishingFixture();
        var reset = PublishingFixture.Start.AddMinutes(47);
        fixture.Platform.ThenFail(PlatformErrorKind.RateLimited, "429 Too Many Requests", reset);
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var limited = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Scheduled, limited!.State);
        Assert.Equal(reset, limited.DueAt);
        Assert.Equal(reset, fixture.Scheduler.Triggers[post.Id]);
        Assert.Equal(0, limited.TransientFailures);
        Assert.Contains("rate limited", limited.LastError, StringComparison.Ordinal);

        var published = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Published, published!.State);
        Assert.Equal(reset, fixture.Time.GetUtcNow());
        Assert.Equal([1, 2], fixture.Platform.PublishCalls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task A_rate_limit_without_a_reset_time_waits_the_fallback_delay()
    {
        using var fixture = new PublishingFixture(options: new PublishingOptions { RateLimitFallbackDelay = TimeSpan.FromMinutes(3) });
        fixture.Platform.ThenFail(PlatformErrorKind.RateLimited, "slow down");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var limited = await fixture.FireAsync(post.Id);

        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(3), limited!.DueAt);
    }

    [Fact]
    public async Task Transient_failures_retry_with_bounded_backoff_and_then_fail()
    {
        var options = new PublishingOptions { MaxTransientFailures = 4, RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(2) };
        using var fixture = new PublishingFixture(options: options);
        for (var i = 0; i < 4; i++)
        {
            fixture.Platform.ThenFail(PlatformErrorKind.Transient, "503 Service Unavailable");
        }

        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        for (var failure = 1; failure <= 3; failure++)
        {
            var retry = await fixture.FireAsync(post.Id);
            var now = fixture.Time.GetUtcNow();
            Assert.Equal(PostState.Scheduled, retry!.State);
            Assert.Equal(failure, retry.TransientFailures);
            Assert.InRange(retry.DueAt - now, TimeSpan.Zero, options.RetryMaxDelay);
            Assert.Equal(retry.DueAt, fixture.Scheduler.Triggers[post.Id]);
        }

        var failed = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Failed, failed!.State);
        Assert.Contains("gave up after 4 transient failures", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(4, fixture.Platform.PublishCalls.Count);
        Assert.Single(fixture.Platform.PublishCalls.Select(c => c.IdempotencyKey).Distinct());
        Assert.Equal([1, 2, 3, 4], fixture.Platform.PublishCalls.Select(c => c.Attempt));
        Assert.Single(fixture.Platform.PublishCalls.Select(c => c.FirstAttemptAt).Distinct());
    }

    [Fact]
    public async Task An_ambiguous_outcome_found_by_lookup_is_published_without_a_second_publish()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout after sending", created: true);
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Published, result!.State);
        Assert.Equal("p1", result.PlatformPostId);
        Assert.Single(fixture.Platform.PublishCalls);
        Assert.Single(fixture.Platform.LookupCalls);
    }

    [Fact]
    public async Task An_ambiguous_outcome_not_found_on_an_idempotent_platform_is_retried_with_the_same_key()
    {
        using var fixture = new PublishingFixture(new ScriptedPlatform(capabilities: PlatformCapabilities.Idempotency));
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "connection reset");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var retry = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Scheduled, retry!.State);
        Assert.Equal(1, retry.TransientFailures);

        var published = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Published, published!.State);
        Assert.Single(fixture.Platform.Created);
    }

    [Fact]
    public async Task An_ambiguous_outcome_not_found_on_a_platform_without_idempotency_is_unconfirmed_never_retried()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "connection reset");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("a repeat could post it twice (nothing on the platform stops a repeated publish", result.LastError, StringComparison.Ordinal);
        Assert.Contains($"mops post resolve {post.Id}", result.LastError, StringComparison.Ordinal);
        Assert.Single(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task An_ambiguous_outcome_the_lookup_cannot_settle_is_unconfirmed_where_nothing_protects_a_repeat()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout").ThenLookup(LookupResult.Unknown("search index lags"));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("search index lags", result.LastError, StringComparison.Ordinal);
        Assert.Single(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_plugin_that_throws_is_treated_as_ambiguous_and_reconciled()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenThrow(new HttpRequestException("socket closed")).ThenLookupThrows(new HttpRequestException("still down"));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("HttpRequestException: socket closed", result.LastError, StringComparison.Ordinal);
        Assert.Contains("still down", result.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_that_outlives_its_timeout_is_ambiguous()
    {
        using var fixture = new PublishingFixture(options: new PublishingOptions { PublishTimeout = TimeSpan.FromSeconds(30) });
        var called = new TaskCompletionSource();
        fixture.Platform.ThenPublish(async (_, ct) =>
        {
            called.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        fixture.Time.SetUtcNow(post.DueAt);

        var running = fixture.Executor.ExecuteAsync(post.Id, false, CancellationToken.None);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var result = await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("no answer within 30 s", result.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_late_by_less_than_the_grace_period_is_still_published()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        fixture.Time.SetUtcNow(post.DueAt + TimeSpan.FromMinutes(14));

        var result = await fixture.Executor.ExecuteAsync(post.Id, false, CancellationToken.None);

        Assert.Equal(PostState.Published, result!.State);
    }

    [Fact]
    public async Task A_post_late_by_more_than_the_grace_period_is_missed_with_a_reason_and_never_posted()
    {
        using var fixture = new PublishingFixture(options: new PublishingOptions { MisfireGracePeriod = TimeSpan.FromMinutes(15) });
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        fixture.Time.SetUtcNow(post.DueAt + TimeSpan.FromHours(3));

        var result = await fixture.Executor.ExecuteAsync(post.Id, false, CancellationToken.None);

        Assert.Equal(PostState.Missed, result!.State);
        Assert.Contains("3 h late", result.LastError, StringComparison.Ordinal);
        Assert.Contains("grace period of 15 min", result.LastError, StringComparison.Ordinal);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_trigger_firing_before_the_post_is_due_puts_the_right_trigger_back_instead_of_publishing()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromHours(2));
        fixture.Scheduler.Triggers.Clear();

        var result = await fixture.Executor.ExecuteAsync(post.Id, false, CancellationToken.None);

        Assert.Equal(PostState.Scheduled, result!.State);
        Assert.Equal(post.DueAt, fixture.Scheduler.Triggers[post.Id]);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_spent_account_budget_reschedules_to_when_the_window_frees_a_slot()
    {
        var budgets = new[] { new RateBudget("publish", 2, TimeSpan.FromHours(1)), new RateBudget("metrics", 1, TimeSpan.FromHours(1)) };
        using var fixture = new PublishingFixture(new ScriptedPlatform(budgets: budgets));
        var first = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        var second = await fixture.ScheduleAsync(TimeSpan.FromMinutes(2));
        var third = await fixture.ScheduleAsync(TimeSpan.FromMinutes(3));

        await fixture.FireAsync(first.Id);
        await fixture.FireAsync(second.Id);
        var limited = await fixture.FireAsync(third.Id);

        var frees = first.DueAt + TimeSpan.FromHours(1);
        Assert.Equal(PostState.Scheduled, limited!.State);
        Assert.Equal(frees, limited.DueAt);
        Assert.Equal(frees, fixture.Scheduler.Triggers[third.Id]);
        Assert.Equal(0, limited.Attempts);
        Assert.Contains("2 publishes per 1 h", limited.LastError, StringComparison.Ordinal);
        Assert.Equal(2, fixture.Platform.PublishCalls.Count);

        Assert.Equal(PostState.Published, (await fixture.FireAsync(third.Id))!.State);
    }

    [Fact]
    public void An_accounts_own_budget_replaces_the_platforms()
    {
        var options = new PublishingOptions();
        options.AccountBudgets["acme"] = [new RateBudgetOptions { Limit = 1, Window = TimeSpan.FromDays(1) }];
        using var fixture = new PublishingFixture(new ScriptedPlatform(budgets: [new RateBudget("publish", 100, TimeSpan.FromHours(1))]), options);

        var budgets = fixture.Executor.BudgetsFor(fixture.Account, fixture.Platform);

        Assert.Equal([new RateBudget("publish", 1, TimeSpan.FromDays(1))], budgets);
    }

    [Fact]
    public async Task Only_one_publish_is_in_flight_per_account_across_hosts()
    {
        using var fixture = new PublishingFixture(options: new PublishingOptions { AccountBusyDelay = TimeSpan.FromSeconds(2) });
        var other = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        fixture.Time.SetUtcNow(post.DueAt);
        // Another node holds the account: its post is Publishing.
        var claim = await fixture.Store.TryClaimAsync(other, fixture.Time.GetUtcNow(), "other-node", [], CancellationToken.None);
        Assert.Equal(Core.Storage.ClaimOutcome.Claimed, claim.Outcome);

        var result = await fixture.Executor.ExecuteAsync(post.Id, false, CancellationToken.None);

        Assert.Equal(PostState.Scheduled, result!.State);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(2), fixture.Scheduler.Triggers[post.Id]);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task Posts_of_one_account_fired_together_never_overlap_at_the_platform()
    {
        using var fixture = new PublishingFixture();
        var inFlight = 0;
        var maxInFlight = 0;
        fixture.Platform.DuringPublish = async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            await Task.Delay(5, TestContext.Current.CancellationToken);
            Interlocked.Decrement(ref inFlight);
        };
        var posts = new List<Post>();
        for (var i = 0; i < 8; i++)
        {
            posts.Add(await fixture.ScheduleAsync(TimeSpan.FromMinutes(1), $"post {i}"));
        }

        fixture.Time.SetUtcNow(posts[0].DueAt);
        var results = await Task.WhenAll(posts.Select(p => Task.Run(() => fixture.Executor.ExecuteAsync(p.Id, false, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(PostState.Published, r!.State));
        Assert.Equal(1, maxInFlight);
    }

    [Fact]
    public async Task A_post_cancelled_while_it_waits_for_its_account_is_not_published()
    {
        using var fixture = new PublishingFixture();
        var first = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1), "first");
        var second = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1), "second");
        fixture.Time.SetUtcNow(first.DueAt);
        var inCall = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        fixture.Platform.DuringPublish = async request =>
        {
            if (request.Draft.Text == "first")
            {
                inCall.SetResult();
                await release.Task;
            }
        };

        var running = Task.Run(() => fixture.Executor.ExecuteAsync(first.Id, false, CancellationToken.None), TestContext.Current.CancellationToken);
        await inCall.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var atGate = new TaskCompletionSource();
        fixture.Gate.Waiting += _ => atGate.TrySetResult();
        var waiting = Task.Run(() => fixture.Executor.ExecuteAsync(second.Id, false, CancellationToken.None), TestContext.Current.CancellationToken);
        await atGate.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await fixture.Posts.CancelAsync(second.Id, CancellationToken.None);
        release.SetResult();

        Assert.Equal(PostState.Published, (await running)!.State);
        Assert.Equal(PostState.Cancelled, (await waiting)!.State);
        Assert.Equal(["first"], fixture.Platform.PublishCalls.Select(c => c.Draft.Text));
    }

    [Fact]
    public async Task A_cancelled_post_whose_trigger_fires_is_left_alone()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        await fixture.Posts.CancelAsync(post.Id, CancellationToken.None);
        fixture.Time.SetUtcNow(post.DueAt);

        var result = await fixture.Executor.ExecuteAsync(post.Id, false, CancellationToken.None);

        Assert.Equal(PostState.Cancelled, result!.State);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task Text_the_platform_refuses_at_fire_time_fails_the_post()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        // Simulate a stricter plugin version loaded since scheduling.
        fixture.Registry.RemovePlatform("fake");
        fixture.Registry.Add(new ScriptedPlatform(maxLength: 5));

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Failed, result!.State);
        Assert.Contains("longer than 5", result.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_platform_at_fire_time_fails_the_post_with_what_to_do()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        fixture.Registry.RemovePlatform("fake");

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Failed, result!.State);
        Assert.Contains("not active", result.LastError, StringComparison.Ordinal);
        Assert.Contains("mops post retry", result.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_another_live_host_is_publishing_is_left_to_it_unless_quartz_says_that_host_died()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        fixture.Time.SetUtcNow(post.DueAt);
        await fixture.Store.TryClaimAsync(post, fixture.Time.GetUtcNow(), "other-node", [], CancellationToken.None);
        fixture.Platform.Create(new PublishRequest("acme", post.ToDraft(), post.IdempotencyKey, 1, post.DueAt));

        var untouched = await fixture.Executor.ExecuteAsync(post.Id, recovering: false, CancellationToken.None);
        Assert.Equal(PostState.Publishing, untouched!.State);
        Assert.Empty(fixture.Platform.LookupCalls);

        var recovered = await fixture.Executor.ExecuteAsync(post.Id, recovering: true, CancellationToken.None);
        Assert.Equal(PostState.Published, recovered!.State);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
