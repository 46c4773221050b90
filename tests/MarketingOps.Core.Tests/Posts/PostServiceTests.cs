using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Posts;

public sealed class PostServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schedule_reads_a_local_time_in_the_accounts_zone_and_sets_the_trigger()
    {
        using var fixture = new PublishingFixture();
        var result = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Spring sale"), Ct);

        // Berlin is +01:00 in March before the switch.
        var expected = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal(PostState.Scheduled, result.Post.State);
        Assert.Equal(expected, result.Post.ScheduledAt);
        Assert.Equal(expected, result.Post.DueAt);
        Assert.Equal(expected, fixture.Scheduler.Triggers[result.Post.Id]);
        Assert.Equal($"mops-{result.Post.Id}", result.Post.IdempotencyKey);
        Assert.Equal(PostState.Scheduled, (await fixture.GetAsync(result.Post.Id)).State);
    }

    [Fact]
    public async Task Schedule_reads_a_local_time_in_the_zone_given_with_tz()
    {
        using var fixture = new PublishingFixture();
        var result = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Hi") { TimeZone = "America/New_York" }, Ct);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero), result.Post.ScheduledAt);
    }

    [Fact]
    public async Task Schedule_in_the_accounts_DST_gap_is_refused()
    {
        using var fixture = new PublishingFixture();
        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-29 02:30", "Hi"), Ct));
        Assert.Contains("does not exist in Europe/Berlin", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
    }

    [Fact]
    public async Task Schedule_validates_the_text_with_the_platform_and_lists_every_problem()
    {
        using var fixture = new PublishingFixture(new ScriptedPlatform(maxLength: 20));
        var ex = await Assert.ThrowsAsync<PostRequestException>(() =>
            fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "this forbidden text is far too long"), Ct));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("longer than 20", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("forbidden word", StringComparison.Ordinal));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
        Assert.Empty(fixture.Scheduler.Triggers);
    }

    [Fact]
    public async Task Schedule_collects_problems_with_time_and_text_together()
    {
        using var fixture = new PublishingFixture();
        var ex = await Assert.ThrowsAsync<PostRequestException>(() =>
            fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-01T09:00:00Z", "forbidden"), Ct));
        Assert.Contains(ex.Problems, p => p.Contains("in the past", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("forbidden word", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_for_an_unknown_account_names_the_configured_ones()
    {
        using var fixture = new PublishingFixture();
        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ScheduleAsync(new ScheduleRequest("nobody", "2026-03-02 15:00", "Hi"), Ct));
        Assert.Contains("'nobody'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("acme", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_is_refused_when_the_platform_is_not_active()
    {
        using var fixture = new PublishingFixture();
        fixture.Registry.RemovePlatform("fake");
        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Hi"), Ct));
        Assert.Contains("not active", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_that_requires_approval_sends_the_post_to_the_inbox_until_approved()
    {
        using var fixture = new PublishingFixture(approvalRequired: true);
        var post = (await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Hi"), Ct)).Post;
        Assert.Equal(PostState.PendingApproval, post.State);
        Assert.Empty(fixture.Scheduler.Triggers);

        var approved = await fixture.Posts.ApproveAsync(post.Id, "alice", null, Ct);
        Assert.Equal(PostState.Scheduled, approved.State);
        Assert.Equal(post.DueAt, fixture.Scheduler.Triggers[post.Id]);
    }

    [Fact]
    public async Task Cancel_withdraws_a_scheduled_post_and_its_trigger()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromHours(1));
        var cancelled = await fixture.Posts.CancelAsync(post.Id, Ct);
        Assert.Equal(PostState.Cancelled, cancelled.State);
        Assert.False(fixture.Scheduler.Triggers.ContainsKey(post.Id));

        // A trigger that fires anyway finds nothing to do.
        await fixture.Executor.ExecuteAsync(post.Id, false, Ct);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task Cancel_refuses_a_published_post()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        await fixture.FireAsync(post.Id);
        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.CancelAsync(post.Id, Ct));
        Assert.Contains("it is Published", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_reschedules_a_failed_post_now_with_the_same_idempotency_key()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.Rejected, "duplicate content");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(PostState.Failed, (await fixture.FireAsync(post.Id))!.State);

        var retried = await fixture.Posts.RetryAsync(post.Id, Ct);
        Assert.Equal(PostState.Scheduled, retried.State);
        Assert.Equal(fixture.Time.GetUtcNow(), fixture.Scheduler.Triggers[post.Id]);
        var published = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Published, published!.State);
        Assert.Equal([post.IdempotencyKey, post.IdempotencyKey], fixture.Platform.PublishCalls.Select(c => c.IdempotencyKey));
    }

    [Theory]
    [InlineData(PostState.Scheduled)]
    [InlineData(PostState.Published)]
    public async Task Retry_refuses_anything_but_a_failed_post(PostState state)
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        if (state == PostState.Published)
        {
            await fixture.FireAsync(post.Id);
        }

        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.RetryAsync(post.Id, Ct));
        Assert.Contains("only a post that is Failed can be retried", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_records_a_human_finding_for_an_unconfirmed_post()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout after sending").ThenLookup(LookupResult.Unknown("search is down"));
        var first = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(PostState.Unconfirmed, (await fixture.FireAsync(first.Id))!.State);

        var url = new Uri("https://fake.example/acme/123");
        var resolved = await fixture.Posts.ResolveAsync(first.Id, url, Ct);
        Assert.Equal(PostState.Published, resolved.State);
        Assert.Equal(url, resolved.PlatformUrl);

        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout after sending").ThenLookup(LookupResult.Unknown("search is down"));
        var second = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        await fixture.FireAsync(second.Id);
        var notPublished = await fixture.Posts.ResolveAsync(second.Id, null, Ct);
        Assert.Equal(PostState.Failed, notPublished.State);
        Assert.Equal(PostState.Scheduled, (await fixture.Posts.RetryAsync(second.Id, Ct)).State);
    }

    [Fact]
    public async Task Resolve_refuses_a_post_that_is_not_unconfirmed()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ResolveAsync(post.Id, null, Ct));
        Assert.Contains("Unconfirmed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_lists_every_transition_in_order_with_reasons()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.RateLimited, "429", PublishingFixture.Start.AddHours(2));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        await fixture.FireAsync(post.Id);
        await fixture.FireAsync(post.Id);

        var details = await fixture.Posts.ShowAsync(post.Id, Ct);
        Assert.Equal(
            [(null, PostState.Scheduled), (PostState.Scheduled, PostState.Publishing), (PostState.Publishing, PostState.Scheduled), (PostState.Scheduled, PostState.Publishing), (PostState.Publishing, PostState.Published)],
            details.History.Select(h => (h.From, h.To)));
        Assert.Contains("rate limited", details.History[2].Reason, StringComparison.Ordinal);
        Assert.True(details.History.Zip(details.History.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public async Task List_filters_by_state_and_account()
    {
        using var fixture = new PublishingFixture();
        var a = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5));
        var b = await fixture.ScheduleAsync(TimeSpan.FromHours(5));
        await fixture.Posts.CancelAsync(b.Id, Ct);

        Assert.Equal([a.Id], (await fixture.Posts.ListAsync(new PostQuery(PostState.Scheduled), Ct)).Select(p => p.Id));
        Assert.Equal([b.Id], (await fixture.Posts.ListAsync(new PostQuery(PostState.Cancelled, "acme"), Ct)).Select(p => p.Id));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(Account: "other"), Ct));
        Assert.Equal(2, (await fixture.Posts.ListAsync(new PostQuery(), Ct)).Count);
    }

    [Fact]
    public async Task Show_of_an_unknown_id_says_how_to_find_ids()
    {
        using var fixture = new PublishingFixture();
        var ex = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ShowAsync("nope", Ct));
        Assert.Contains("mops post list", ex.Message, StringComparison.Ordinal);
    }
}
