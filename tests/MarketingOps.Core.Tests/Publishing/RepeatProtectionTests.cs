using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Publishing.Retries;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Publishing;

/// <summary>Retries follow what the platform declares protects a repeat (issue 10), not the error's label.</summary>
public sealed class RepeatProtectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_plugin_built_against_sdk_1_0_that_declares_nothing_is_read_safely()
    {
        var bare = new PlatformDescriptor("old", "Old", PlatformCapabilities.Media, new PlatformLimits());
        var flagged = bare with { Capabilities = PlatformCapabilities.Idempotency };
        var declared = flagged with { RepeatProtection = RepeatProtection.RecordKey };

        Assert.Equal(RepeatProtection.None, RepeatPolicy.ProtectionOf(bare));
        Assert.Equal(RepeatProtection.KeyKeptFor(TimeSpan.FromHours(1)), RepeatPolicy.ProtectionOf(flagged));
        Assert.Equal(RepeatProtection.RecordKey, RepeatPolicy.ProtectionOf(declared));
    }

    [Fact]
    public async Task Mastodon_like_a_repeat_within_the_key_lifetime_reuses_the_key_and_after_it_looks_up_instead()
    {
        // Attempt 1 times out (nothing created); the repeat is rate limited for two hours, past the one-hour key.
        var platform = new ScriptedPlatform(protection: RepeatProtection.KeyKeptFor(TimeSpan.FromHours(1)));
        using var fixture = new PublishingFixture(platform);
        platform.ThenFail(PlatformErrorKind.Ambiguous, "no answer within 60 s");
        platform.ThenFail(PlatformErrorKind.RateLimited, "429", retryAt: PublishingFixture.Start.AddHours(3));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        var repeat = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Scheduled, repeat!.State);
        Assert.True(repeat.MayBeOnPlatform);
        Assert.Contains("keeps the idempotency key for 1 h", repeat.LastError, StringComparison.Ordinal);

        var limited = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Scheduled, limited!.State);
        Assert.Equal(2, platform.PublishCalls.Count);

        // Meanwhile the first attempt surfaced on the platform (it had arrived after all).
        platform.Create(platform.PublishCalls.First());
        var settled = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Published, settled!.State);
        Assert.Equal(2, platform.PublishCalls.Count);
        Assert.Equal(2, platform.LookupCalls.Count);
        Assert.Contains("an earlier attempt may have reached the platform; reconciled", (await fixture.Store.GetHistoryAsync(post.Id, Ct))[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mastodon_like_after_the_key_lapsed_a_post_the_lookup_does_not_find_is_unconfirmed_not_sent_again()
    {
        var platform = new ScriptedPlatform(protection: RepeatProtection.KeyKeptFor(TimeSpan.FromHours(1)));
        using var fixture = new PublishingFixture(platform);
        platform.ThenFail(PlatformErrorKind.Ambiguous, "502 after sending");
        platform.ThenFail(PlatformErrorKind.RateLimited, "429", retryAt: PublishingFixture.Start.AddHours(3));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        await fixture.FireAsync(post.Id);
        await fixture.FireAsync(post.Id);

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("a repeat could post it twice", result.LastError, StringComparison.Ordinal);
        Assert.Equal(2, platform.PublishCalls.Count);
    }

    [Fact]
    public async Task Bluesky_like_a_record_key_protects_a_repeat_for_ever()
    {
        var platform = new ScriptedPlatform(protection: RepeatProtection.RecordKey);
        using var fixture = new PublishingFixture(platform);
        platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout");
        platform.ThenFail(PlatformErrorKind.RateLimited, "429", retryAt: PublishingFixture.Start.AddDays(2));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        await fixture.FireAsync(post.Id);
        await fixture.FireAsync(post.Id);

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Published, result!.State);
        Assert.Equal(3, platform.PublishCalls.Count);
        Assert.Single(platform.PublishCalls.Select(c => c.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task X_like_an_ambiguous_outcome_is_looked_up_found_or_unconfirmed_never_repeated()
    {
        using var fixture = new PublishingFixture(new ScriptedPlatform(protection: RepeatProtection.None));
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout", created: true).ThenFail(PlatformErrorKind.Ambiguous, "timeout");
        var found = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        var lost = await fixture.ScheduleAsync(TimeSpan.FromMinutes(20));

        Assert.Equal(PostState.Published, (await fixture.FireAsync(found.Id))!.State);
        Assert.Equal(PostState.Unconfirmed, (await fixture.FireAsync(lost.Id))!.State);
        Assert.Equal(2, fixture.Platform.PublishCalls.Count);
    }

    [Fact]
    public async Task Crashes_mid_publish_do_not_spend_the_posts_retries()
    {
        var options = new PublishingOptions { MaxTransientFailures = 3 };
        using var fixture = new PublishingFixture(new ScriptedPlatform(protection: RepeatProtection.RecordKey), options);
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));

        for (var crash = 1; crash <= 5; crash++)
        {
            // A host claimed it, sent nothing we know of, and died.
            var scheduled = await fixture.GetAsync(post.Id);
            fixture.Time.SetUtcNow(fixture.Scheduler.Triggers[post.Id]);
            var claim = await fixture.Store.TryClaimAsync(scheduled, fixture.Time.GetUtcNow(), $"host-{crash}", [], Ct);
            var settled = await fixture.Executor.ReconcileInterruptedAsync(claim.Post!, "the host died", Ct);
            Assert.Equal(PostState.Scheduled, settled!.State);
            Assert.Equal(0, settled.TransientFailures);
        }

        Assert.Contains("does not count as a failure", (await fixture.GetAsync(post.Id)).LastError + (await fixture.Store.GetHistoryAsync(post.Id, Ct))[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(PostState.Published, (await fixture.FireAsync(post.Id))!.State);
    }

    [Fact]
    public async Task Retry_of_a_failed_post_whose_earlier_attempt_landed_looks_it_up_and_sends_nothing()
    {
        using var fixture = new PublishingFixture(new ScriptedPlatform(protection: RepeatProtection.KeyKeptFor(TimeSpan.FromHours(1))));
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout").ThenFail(PlatformErrorKind.Rejected, "422 validation failed");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        await fixture.FireAsync(post.Id);
        var failed = await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Failed, failed!.State);
        Assert.True(failed.MayBeOnPlatform);
        fixture.Platform.Create(fixture.Platform.PublishCalls.First());

        var retried = await fixture.Posts.RetryAsync(post.Id, Ct);

        Assert.Equal(PostState.Published, retried.State);
        Assert.Equal(2, fixture.Platform.PublishCalls.Count);
        Assert.Contains("an earlier attempt is on the platform", (await fixture.Store.GetHistoryAsync(post.Id, Ct))[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_of_a_failed_post_the_lookup_cannot_settle_becomes_unconfirmed_for_a_person()
    {
        using var fixture = new PublishingFixture(new ScriptedPlatform(protection: RepeatProtection.RecordKey));
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout").ThenFail(PlatformErrorKind.Rejected, "422 validation failed");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        await fixture.FireAsync(post.Id);
        Assert.Equal(PostState.Failed, (await fixture.FireAsync(post.Id))!.State);
        fixture.Platform.ThenLookup(LookupResult.Unknown("api down"));

        var retried = await fixture.Posts.RetryAsync(post.Id, Ct);

        Assert.Equal(PostState.Unconfirmed, retried.State);
        Assert.Contains($"mops post resolve {post.Id}", retried.LastError, StringComparison.Ordinal);
        var notThere = await fixture.Posts.ResolveAsync(post.Id, null, Ct);
        Assert.False(notThere.MayBeOnPlatform);
        Assert.Equal(PostState.Scheduled, (await fixture.Posts.RetryAsync(post.Id, Ct)).State);
    }

    [Fact]
    public async Task Out_of_retries_after_an_uncertain_attempt_is_unconfirmed_not_failed()
    {
        var options = new PublishingOptions { MaxTransientFailures = 2 };
        using var fixture = new PublishingFixture(new ScriptedPlatform(protection: RepeatProtection.RecordKey), options);
        fixture.Platform.ThenFail(PlatformErrorKind.Ambiguous, "timeout").ThenFail(PlatformErrorKind.Transient, "503");
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10));
        await fixture.FireAsync(post.Id);

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("an earlier attempt may be on the platform", result.LastError, StringComparison.Ordinal);
    }
}
