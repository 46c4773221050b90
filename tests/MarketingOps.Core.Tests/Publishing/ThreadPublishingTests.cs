using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Publishing;

/// <summary>
/// A thread's parts are posts of their own (own key, own state, own lookup) published strictly in order, each as a reply
/// to the part before it: a part that fails stops the ones after it, and a crash between or inside parts resumes at
/// the right part without repeating one.
/// </summary>
public sealed class ThreadPublishingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PublishingFixture NewFixture(RepeatProtection? protection = null) =>
        new(new ScriptedPlatform(capabilities: PlatformCapabilities.Replies, protection: protection ?? RepeatProtection.RecordKey));

    private static async Task<IReadOnlyList<Post>> ScheduleThreadAsync(PublishingFixture fixture, int parts = 5)
    {
        var at = (fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(5)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var texts = Enumerable.Range(0, parts).Select(_ => DistinctText.Next()).ToList();
        var group = await fixture.Posts.ScheduleGroupAsync([new ScheduleRequest("acme", at, texts[0]) { ThreadTexts = texts[1..] }], Ct);
        return group.Posts[0].Parts;
    }

    private static async Task<List<Post>> PartsAsync(PublishingFixture fixture, Post head) =>
        [.. (await fixture.Posts.ShowAsync(head.Id, Ct)).Thread];

    [Fact]
    public async Task A_five_part_thread_is_published_in_order_each_part_replying_to_the_one_before()
    {
        using var fixture = NewFixture();
        var parts = await ScheduleThreadAsync(fixture);

        Assert.Equal([parts[0].Id], fixture.Scheduler.Triggers.Keys);
        Assert.Equal(5, parts.Select(p => p.IdempotencyKey).Distinct().Count());
        await fixture.FireAllAsync(Ct);

        var stored = await PartsAsync(fixture, parts[0]);
        Assert.All(stored, p => Assert.Equal(PostState.Published, p.State));
        var calls = fixture.Platform.PublishCalls.ToList();
        Assert.Equal(stored.Select(p => p.IdempotencyKey), calls.Select(c => c.IdempotencyKey));
        Assert.Null(calls[0].Draft.InReplyTo);
        Assert.Null(calls[0].Draft.Thread);
        for (var i = 1; i < 5; i++)
        {
            Assert.Equal(stored[i - 1].PlatformPostId, calls[i].Draft.InReplyTo);
            Assert.Equal(new ThreadReference(stored[i - 1].PlatformPostId!, stored[0].PlatformPostId!, i + 1, 5), calls[i].Draft.Thread);
            Assert.Equal(MessageKind.Post, calls[i].Draft.Kind);
        }

        Assert.Null(PostThreads.Stopped(stored));
    }

    [Fact]
    public async Task A_failed_part_stops_the_parts_after_it_visibly_and_a_retry_goes_on_from_there()
    {
        using var fixture = NewFixture();
        var parts = await ScheduleThreadAsync(fixture);
        fixture.Platform.ThenPublish((r, _) => Task.FromResult(PublishResult.Published(fixture.Platform.Create(r))))
            .ThenPublish((r, _) => Task.FromResult(PublishResult.Published(fixture.Platform.Create(r))))
            .ThenFail(PlatformErrorKind.Rejected, "status is a duplicate");

        await fixture.FireAllAsync(Ct);

        var stored = await PartsAsync(fixture, parts[0]);
        Assert.Equal([PostState.Published, PostState.Published, PostState.Failed, PostState.Scheduled, PostState.Scheduled], stored.Select(p => p.State));
        Assert.Equal(3, fixture.Platform.PublishCalls.Count);
        var stopped = PostThreads.Stopped(stored);
        Assert.NotNull(stopped);
        Assert.Contains("stopped at part 3 of 5", stopped, StringComparison.Ordinal);
        Assert.Contains("status is a duplicate", stopped, StringComparison.Ordinal);

        // A later part that fires anyway (a stray trigger) waits; the sweep gives it no trigger.
        Assert.Equal(PostState.Scheduled, (await fixture.FireAsync(stored[3].Id))!.State);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await fixture.Recovery.SweepAsync(exclusive: true, Ct)).TriggersRestored);
        Assert.Equal(3, fixture.Platform.PublishCalls.Count);

        await fixture.Posts.RetryAsync(stored[2].Id, Ct);
        await fixture.FireAllAsync(Ct);

        stored = await PartsAsync(fixture, parts[0]);
        Assert.All(stored, p => Assert.Equal(PostState.Published, p.State));
        Assert.Equal(stored[2].PlatformPostId, fixture.Platform.PublishCalls.Last(c => c.IdempotencyKey == stored[3].IdempotencyKey).Draft.InReplyTo);
    }

    [Fact]
    public async Task A_crash_between_parts_resumes_at_the_next_part_without_repeating_one()
    {
        using var fixture = NewFixture();
        var parts = await ScheduleThreadAsync(fixture);
        await fixture.FireAsync(parts[0].Id);
        fixture.Scheduler.Triggers.Clear();
        await fixture.FireAsync(parts[1].Id);
        // The host died after part 2 was recorded and before part 3 got its trigger.
        fixture.Scheduler.Triggers.Clear();

        var report = await fixture.Recovery.RecoverAsync(exclusive: true, Ct);

        Assert.Equal(1, report.TriggersRestored);
        Assert.Equal([parts[2].Id], fixture.Scheduler.Triggers.Keys);
        await fixture.FireAllAsync(Ct);
        var stored = await PartsAsync(fixture, parts[0]);
        Assert.All(stored, p => Assert.Equal(PostState.Published, p.State));
        Assert.Equal(5, fixture.Platform.PublishCalls.Count);
        Assert.Equal(5, fixture.Platform.PublishCalls.Select(c => c.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task A_crash_inside_a_part_is_settled_by_that_parts_own_lookup_and_the_thread_goes_on()
    {
        using var fixture = NewFixture();
        var parts = await ScheduleThreadAsync(fixture, parts: 3);
        await fixture.FireAsync(parts[0].Id);

        // Part 2 reached the platform, then the host was killed before recording it.
        using var kill = new CancellationTokenSource();
        fixture.Platform.DuringPublish = r =>
        {
            fixture.Platform.Create(r);
            kill.Cancel();
            return Task.CompletedTask;
        };
        fixture.Platform.ThenPublish((_, ct) => Task.FromException<PublishResult>(new OperationCanceledException(ct)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Executor.ExecuteAsync(parts[1].Id, false, kill.Token));
        fixture.Platform.DuringPublish = null;
        fixture.Scheduler.Triggers.Clear();
        var left = await fixture.GetAsync(parts[1].Id);
        Assert.Equal(PostState.Publishing, left.State);

        await fixture.Recovery.RecoverAsync(exclusive: true, Ct);
        await fixture.FireAllAsync(Ct);

        var stored = await PartsAsync(fixture, parts[0]);
        Assert.All(stored, p => Assert.Equal(PostState.Published, p.State));
        Assert.Equal(parts[1].IdempotencyKey, Assert.Single(fixture.Platform.LookupCalls).IdempotencyKey);
        Assert.Equal(1, fixture.Platform.PublishCalls.Count(c => c.IdempotencyKey == parts[1].IdempotencyKey));
        Assert.Equal(stored[1].PlatformPostId, fixture.Platform.PublishCalls.Single(c => c.IdempotencyKey == parts[2].IdempotencyKey).Draft.InReplyTo);
    }

    [Fact]
    public async Task Cancelling_a_part_cancels_the_parts_after_it_and_leaves_the_earlier_ones()
    {
        using var fixture = NewFixture();
        var parts = await ScheduleThreadAsync(fixture, parts: 4);
        await fixture.FireAsync(parts[0].Id);

        await fixture.Posts.CancelAsync(parts[1].Id, Ct);
        await fixture.FireAllAsync(Ct);

        var stored = await PartsAsync(fixture, parts[0]);
        Assert.Equal([PostState.Published, PostState.Cancelled, PostState.Cancelled, PostState.Cancelled], stored.Select(p => p.State));
        Assert.Single(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_part_whose_earlier_part_was_missed_is_cancelled_with_the_reason()
    {
        using var fixture = NewFixture();
        var parts = await ScheduleThreadAsync(fixture, parts: 3);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await fixture.FireAllAsync(Ct);

        var stored = await PartsAsync(fixture, parts[0]);
        Assert.Equal([PostState.Missed, PostState.Cancelled, PostState.Cancelled], stored.Select(p => p.State));
        Assert.Contains("part 1 of its thread is Missed", stored[1].LastError, StringComparison.Ordinal);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_thread_on_a_platform_without_replies_is_refused_and_nothing_is_stored()
    {
        using var fixture = new PublishingFixture();
        var at = (fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(5)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", at, DistinctText.Next()) { ThreadTexts = [DistinctText.Next()] }, Ct));

        Assert.Contains(refused.Problems, p => p.Contains("cannot publish a thread", StringComparison.Ordinal));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
    }
}
