using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Publishing;

public sealed class PublishingRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A post claimed by a host that then died, as the next start finds it.</summary>
    private static async Task<Post> LeftPublishingAsync(PublishingFixture fixture, string claimedBy = "dead-host")
    {
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        fixture.Time.SetUtcNow(post.DueAt);
        var claim = await fixture.Store.TryClaimAsync(post, fixture.Time.GetUtcNow(), claimedBy, [], Ct);
        return claim.Post!;
    }

    [Fact]
    public async Task A_post_the_crashed_host_had_sent_is_found_and_published_without_a_second_publish()
    {
        using var fixture = new PublishingFixture();
        var post = await LeftPublishingAsync(fixture);
        fixture.Platform.Create(new PublishRequest("acme", post.ToDraft(), post.IdempotencyKey, 1, post.FirstAttemptAt!.Value));

        var report = await fixture.Recovery.RecoverAsync(exclusive: true, Ct);

        Assert.Equal(1, report.Reconciled);
        var stored = await fixture.GetAsync(post.Id);
        Assert.Equal(PostState.Published, stored.State);
        Assert.Contains("attempt 1 by dead-host was interrupted", (await fixture.Store.GetHistoryAsync(post.Id, Ct))[^1].Reason, StringComparison.Ordinal);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_post_the_lookup_cannot_settle_becomes_unconfirmed()
    {
        using var fixture = new PublishingFixture();
        var post = await LeftPublishingAsync(fixture);
        fixture.Platform.ThenLookup(LookupResult.Unknown("api down"));

        await fixture.Recovery.RecoverAsync(exclusive: true, Ct);

        var stored = await fixture.GetAsync(post.Id);
        Assert.Equal(PostState.Unconfirmed, stored.State);
        Assert.Contains("api down", stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_never_sent_to_an_idempotent_platform_is_retried_safely()
    {
        using var fixture = new PublishingFixture(new ScriptedPlatform(capabilities: PlatformCapabilities.Idempotency));
        var post = await LeftPublishingAsync(fixture);

        await fixture.Recovery.RecoverAsync(exclusive: true, Ct);

        var stored = await fixture.GetAsync(post.Id);
        Assert.Equal(PostState.Scheduled, stored.State);
        Assert.True(fixture.Scheduler.Triggers.ContainsKey(post.Id));
        Assert.Equal(PostState.Published, (await fixture.FireAsync(post.Id))!.State);
        Assert.Single(fixture.Platform.Created);
    }

    [Fact]
    public async Task A_post_left_publishing_on_an_inactive_platform_is_unconfirmed_not_retried()
    {
        using var fixture = new PublishingFixture();
        var post = await LeftPublishingAsync(fixture);
        fixture.Registry.RemovePlatform("fake");

        await fixture.Recovery.RecoverAsync(exclusive: true, Ct);

        var stored = await fixture.GetAsync(post.Id);
        Assert.Equal(PostState.Unconfirmed, stored.State);
        Assert.Contains("not active", stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_post_whose_trigger_was_lost_gets_it_back()
    {
        using var fixture = new PublishingFixture();
        var lost = await fixture.ScheduleAsync(TimeSpan.FromMinutes(30));
        var kept = await fixture.ScheduleAsync(TimeSpan.FromMinutes(40));
        fixture.Scheduler.Triggers.TryRemove(lost.Id, out _);

        var report = await fixture.Recovery.RecoverAsync(exclusive: true, Ct);

        Assert.Equal(1, report.TriggersRestored);
        Assert.Equal(lost.DueAt, fixture.Scheduler.Triggers[lost.Id]);
        Assert.Equal(kept.DueAt, fixture.Scheduler.Triggers[kept.Id]);
    }

    [Fact]
    public async Task The_running_sweep_fires_an_overdue_post_whose_trigger_was_lost_and_leaves_others()
    {
        using var fixture = new PublishingFixture();
        var lost = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        var later = await fixture.ScheduleAsync(TimeSpan.FromHours(1));
        fixture.Scheduler.Triggers.TryRemove(lost.Id, out _);
        fixture.Scheduler.Triggers.TryRemove(later.Id, out _);
        fixture.Time.Advance(TimeSpan.FromMinutes(3));

        var found = await fixture.Recovery.SweepOverdueAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(1, found);
        Assert.Equal(fixture.Time.GetUtcNow(), fixture.Scheduler.Triggers[lost.Id]);
        Assert.False(fixture.Scheduler.Triggers.ContainsKey(later.Id));
        Assert.Equal(PostState.Published, (await fixture.FireAsync(lost.Id))!.State);
    }

    [Fact]
    public async Task In_a_cluster_a_fresh_claim_of_a_live_node_is_left_alone_and_a_stale_one_is_reconciled()
    {
        using var fixture = new PublishingFixture(options: new PublishingOptions { StaleClaimAfter = TimeSpan.FromMinutes(10) });
        var post = await LeftPublishingAsync(fixture, claimedBy: "live-node");
        fixture.Platform.Create(new PublishRequest("acme", post.ToDraft(), post.IdempotencyKey, 1, post.FirstAttemptAt!.Value));
        await fixture.Leases.RenewAsync("live-node", "live-node", fixture.Time.GetUtcNow(), Ct);

        var early = await fixture.Recovery.RecoverAsync(exclusive: false, Ct);
        Assert.Equal(0, early.Reconciled);
        Assert.Equal(PostState.Publishing, (await fixture.GetAsync(post.Id)).State);

        // The node keeps its lease alive, but its claim outlives any publish: it is settled all the same.
        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        await fixture.Leases.RenewAsync("live-node", "live-node", fixture.Time.GetUtcNow(), Ct);
        var late = await fixture.Recovery.RecoverAsync(exclusive: false, Ct);
        Assert.Equal(1, late.Reconciled);
        Assert.Equal(PostState.Published, (await fixture.GetAsync(post.Id)).State);
    }

    [Fact]
    public async Task The_running_sweep_settles_a_claim_of_this_host_that_nothing_is_publishing_and_unblocks_the_account()
    {
        using var fixture = new PublishingFixture();
        // The outcome could not be recorded and the reschedule failed too: our own claim, with nothing in flight.
        var stuck = await LeftPublishingAsync(fixture, claimedBy: fixture.Instance.Id);
        fixture.Platform.Create(new PublishRequest("acme", stuck.ToDraft(), stuck.IdempotencyKey, 1, stuck.FirstAttemptAt!.Value));
        var next = await fixture.ScheduleAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(PostState.Scheduled, (await fixture.FireAsync(next.Id))!.State);

        var report = await fixture.Recovery.SweepAsync(exclusive: false, Ct);

        Assert.Equal(1, report.ClaimsSettled);
        Assert.Equal(PostState.Published, (await fixture.GetAsync(stuck.Id)).State);
        var settlement = (await fixture.Store.GetHistoryAsync(stuck.Id, Ct))[^1];
        Assert.Equal((PostState.Publishing, PostState.Published), (settlement.From!.Value, settlement.To));
        Assert.Contains("(this host) ended without recording its outcome", settlement.Reason, StringComparison.Ordinal);
        Assert.Equal(PostState.Published, (await fixture.FireAsync(next.Id))!.State);
        Assert.Single(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task The_running_sweep_settles_the_claim_of_a_node_whose_lease_lapsed_and_leaves_a_live_ones()
    {
        var options = new PublishingOptions { LeaseDuration = TimeSpan.FromMinutes(1) };
        using var fixture = new PublishingFixture(options: options);
        var gone = await LeftPublishingAsync(fixture, claimedBy: "gone-node");
        await fixture.Leases.RenewAsync("gone-node", "gone-node", fixture.Time.GetUtcNow(), Ct);
        await fixture.Leases.RenewAsync("live-node", "live-node", fixture.Time.GetUtcNow(), Ct);

        Assert.Equal(0, (await fixture.Recovery.SweepAsync(exclusive: false, Ct)).ClaimsSettled);
        Assert.Equal(PostState.Publishing, (await fixture.GetAsync(gone.Id)).State);

        fixture.Time.Advance(TimeSpan.FromSeconds(90));
        await fixture.Leases.RenewAsync("live-node", "live-node", fixture.Time.GetUtcNow(), Ct);
        var report = await fixture.Recovery.SweepAsync(exclusive: false, Ct);

        Assert.Equal(1, report.ClaimsSettled);
        var settled = await fixture.GetAsync(gone.Id);
        Assert.Equal(PostState.Unconfirmed, settled.State);
        Assert.Contains("that host is gone (last heard of at", settled.LastError, StringComparison.Ordinal);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task The_running_sweep_gives_a_pending_approval_post_without_an_inbox_item_one()
    {
        using var fixture = new PublishingFixture(approvalRequired: true);
        var held = await fixture.ScheduleAsync(TimeSpan.FromMinutes(30), "Held for a person");
        Assert.Equal(PostState.PendingApproval, held.State);
        var item = Assert.Single(await fixture.Inbox.ListAsync(Core.Inbox.InboxItemStatus.Pending, Ct));
        Assert.Equal(held.Id, item.PostId);
        // As an older version (or a crash between two writes) left it: the post waits, the inbox has nothing.
        await fixture.Store.WriteAsync("DELETE FROM inbox_items", _ => { }, Ct);

        var report = await fixture.Recovery.SweepAsync(exclusive: true, Ct);

        Assert.Equal(1, report.HeldPostsRepaired);
        var repaired = Assert.Single(await fixture.Inbox.ListAsync(Core.Inbox.InboxItemStatus.Pending, Ct));
        Assert.Equal(held.Id, repaired.PostId);
        var approved = await fixture.Inbox.ApproveAsync(repaired.Id, "ana", null, Ct);
        Assert.True(approved.Published);
        Assert.Equal(PostState.Scheduled, (await fixture.GetAsync(held.Id)).State);
        Assert.Equal(0, (await fixture.Recovery.SweepAsync(exclusive: true, Ct)).HeldPostsRepaired);
    }

    [Fact]
    public async Task A_post_held_for_approval_and_its_inbox_item_are_written_in_one_transaction()
    {
        using var fixture = new PublishingFixture(approvalRequired: true);
        // The inbox item cannot be written (its table is gone): the post must not be stored without it.
        await fixture.Store.WriteAsync("ALTER TABLE inbox_items RENAME TO inbox_items_gone", _ => { }, Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ScheduleAsync(TimeSpan.FromMinutes(30), "Never half-stored"));

        Assert.Empty(await fixture.Store.ListAsync(new PostQuery(), Ct));
    }
}
