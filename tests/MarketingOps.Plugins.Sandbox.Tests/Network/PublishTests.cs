using MarketingOps.Plugins.Sandbox.Tests.Doubles;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Network;

public sealed class PublishTests
{
    private const string Family = "👨‍👩‍👧";

    [Theory]
    [InlineData(Family, 300, true)]
    [InlineData(Family, 301, false)]
    [InlineData("漢", 300, true)]
    [InlineData("漢", 301, false)]
    [InlineData("e\u0301", 300, true)]
    public void Validate_counts_graphemes(string unit, int count, bool valid)
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());

        var validation = platform.Validate(new PostDraft(string.Concat(Enumerable.Repeat(unit, count))));

        Assert.Equal(count, validation.Length);
        Assert.Equal(300, validation.MaxLength);
        Assert.Equal(valid, validation.IsValid);
    }

    [Fact]
    public async Task Publish_rejects_text_over_the_configured_limit()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock(), """{ "maxLength": 10 }""");

        var tooLong = await platform.PublishAsync(TestNetwork.Request("acme", "🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷"), TestContext.Current.CancellationToken);
        var fits = await platform.PublishAsync(TestNetwork.Request("acme", "🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷"), TestContext.Current.CancellationToken);

        Assert.Equal(10, platform.Descriptor.Limits.MaxTextLength);
        Assert.Equal(PlatformErrorKind.Rejected, tooLong.Error?.Kind);
        Assert.Equal("too_long", tooLong.Error?.Code);
        Assert.Contains("11", tooLong.Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(fits.Post);
    }

    [Fact]
    public async Task An_exact_duplicate_of_a_recent_post_is_rejected()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock);
        var first = await TestNetwork.PublishAsync(platform, "acme", "Big news", "k1");

        var again = await platform.PublishAsync(TestNetwork.Request("acme", "Big news", "k2"), TestContext.Current.CancellationToken);
        var otherAccount = await platform.PublishAsync(TestNetwork.Request("zeta", "Big news", "k3"), TestContext.Current.CancellationToken);
        var differentCase = await platform.PublishAsync(TestNetwork.Request("acme", "Big News", "k4"), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromHours(25));
        var later = await platform.PublishAsync(TestNetwork.Request("acme", "Big news", "k5"), TestContext.Current.CancellationToken);

        Assert.Equal(PlatformErrorKind.Rejected, again.Error?.Kind);
        Assert.Equal("duplicate", again.Error?.Code);
        Assert.Contains(first.Id, again.Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(otherAccount.Post);
        Assert.NotNull(differentCase.Post);
        Assert.NotNull(later.Post);
    }

    [Fact]
    public async Task A_deleted_post_no_longer_counts_as_a_duplicate()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var first = await TestNetwork.PublishAsync(platform, "acme", "Oops", "k1");
        Assert.True((await platform.DeleteAsync("acme", first.Id, TestContext.Current.CancellationToken)).Succeeded);

        var again = await TestNetwork.PublishAsync(platform, "acme", "Oops", "k2");

        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_post_and_never_a_second_one()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var first = await platform.PublishAsync(TestNetwork.Request("acme", "Launch day", "key-1", attempt: 1), TestContext.Current.CancellationToken);

        var retry = await platform.PublishAsync(TestNetwork.Request("acme", "Launch day", "key-1", attempt: 2), TestContext.Current.CancellationToken);
        var newKey = await platform.PublishAsync(TestNetwork.Request("acme", "Launch day", "key-2"), TestContext.Current.CancellationToken);

        Assert.Equal(first.Post, retry.Post);
        Assert.Equal("duplicate", newKey.Error?.Code);
    }

    [Fact]
    public async Task A_network_started_afresh_later_never_reuses_an_id_of_an_earlier_run()
    {
        var clock = TestNetwork.Clock();
        var before = await TestNetwork.PublishAsync(TestNetwork.Create(clock), "acme", "Hello");
        clock.Advance(TimeSpan.FromMinutes(5));

        var after = await TestNetwork.PublishAsync(TestNetwork.Create(clock), "acme", "Hello");

        Assert.NotEqual(before.Id, after.Id);
    }

    [Fact]
    public async Task Lookup_finds_a_post_by_its_idempotency_key()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var post = await TestNetwork.PublishAsync(platform, "acme", "Find me", "key-1");

        var found = await platform.LookupAsync(TestNetwork.Request("acme", "Find me", "key-1", attempt: 2), TestContext.Current.CancellationToken);
        var missing = await platform.LookupAsync(TestNetwork.Request("acme", "Find me", "key-2"), TestContext.Current.CancellationToken);
        var otherAccount = await platform.LookupAsync(TestNetwork.Request("zeta", "Find me", "key-1"), TestContext.Current.CancellationToken);

        Assert.Equal(LookupStatus.Found, found.Status);
        Assert.Equal(post, found.Post);
        Assert.Equal(LookupStatus.NotFound, missing.Status);
        Assert.Equal(LookupStatus.NotFound, otherAccount.Status);
    }

    [Fact]
    public async Task Metrics_report_deleted_and_unknown_posts()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var kept = await TestNetwork.PublishAsync(platform, "acme", "Keep");
        var deleted = await TestNetwork.PublishAsync(platform, "acme", "Delete");
        Assert.True((await platform.DeleteAsync("acme", deleted.Id, TestContext.Current.CancellationToken)).Succeeded);
        Assert.True((await platform.DeleteAsync("acme", deleted.Id, TestContext.Current.CancellationToken)).Succeeded);

        var metrics = await platform.GetMetricsAsync("acme", [kept.Id, deleted.Id, "no-such-post"], TestContext.Current.CancellationToken);
        var wrongAccount = await TestNetwork.MetricsAsync(platform, "zeta", kept.Id);
        var deleteUnknown = await platform.DeleteAsync("acme", "no-such-post", TestContext.Current.CancellationToken);

        Assert.Equal([MetricsStatus.Available, MetricsStatus.Deleted, MetricsStatus.Unavailable], metrics.Select(m => m.Status));
        Assert.Equal([kept.Id, deleted.Id, "no-such-post"], metrics.Select(m => m.PostId));
        Assert.Equal(MetricsStatus.Unavailable, wrongAccount.Status);
        Assert.Equal("not_found", deleteUnknown.Error?.Code);
    }

    [Fact]
    public async Task Metrics_batches_larger_than_declared_are_refused()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var ids = Enumerable.Range(0, platform.Descriptor.Limits.MetricsBatchSize + 1).Select(i => $"p{i}").ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => platform.GetMetricsAsync("acme", ids, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Replies_and_direct_messages_need_their_target_and_a_message_has_no_public_counters()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var noTarget = await platform.PublishAsync(
            new PublishRequest("acme", new PostDraft("Thanks!") { Kind = MessageKind.Reply }, "r1", 1, TestNetwork.Start),
            TestContext.Current.CancellationToken);
        var message = await platform.PublishAsync(
            new PublishRequest("acme", new PostDraft("Hi Ana") { Kind = MessageKind.DirectMessage, Recipient = "ana" }, "m1", 1, TestNetwork.Start),
            TestContext.Current.CancellationToken);

        Assert.Equal("invalid", noTarget.Error?.Code);
        var metrics = await TestNetwork.MetricsAsync(platform, "acme", message.Post!.Id);
        Assert.Equal(MetricsStatus.Available, metrics.Status);
        Assert.Empty(metrics.Counters);
    }

    [Fact]
    public async Task The_declared_publish_budget_is_enforced_with_its_reset_time()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock);
        var budget = platform.Descriptor.Limits.RateBudgets.Single(b => b.Operation == "publish");
        for (var i = 0; i < budget.Limit; i++)
        {
            await TestNetwork.PublishAsync(platform, "acme", $"Post {i}");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var over = await platform.PublishAsync(TestNetwork.Request("acme", "One too many"), TestContext.Current.CancellationToken);
        var otherAccount = await platform.PublishAsync(TestNetwork.Request("zeta", "Fine"), TestContext.Current.CancellationToken);
        clock.SetUtcNow(over.Error!.RetryAt!.Value);
        var afterReset = await platform.PublishAsync(TestNetwork.Request("acme", "One too many"), TestContext.Current.CancellationToken);

        Assert.Equal(PlatformErrorKind.RateLimited, over.Error.Kind);
        Assert.Equal(TestNetwork.Start + budget.Window, over.Error.RetryAt);
        Assert.NotNull(otherAccount.Post);
        Assert.NotNull(afterReset.Post);
    }

    [Fact]
    public void The_descriptor_states_capabilities_limits_and_automation_rules()
    {
        var descriptor = TestNetwork.Create(TestNetwork.Clock()).Descriptor;

        Assert.Equal("sandbox", descriptor.Id);
        var expected = PlatformCapabilities.Idempotency | PlatformCapabilities.Delete | PlatformCapabilities.Metrics
            | PlatformCapabilities.Replies | PlatformCapabilities.DirectMessages | PlatformCapabilities.AudienceEvents;
        Assert.Equal(expected, descriptor.Capabilities & expected);
        Assert.Equal(100, descriptor.Limits.MetricsBatchSize);
        Assert.Equal(TextLengthRule.Graphemes, descriptor.Limits.LengthRule);
        Assert.Contains(descriptor.Limits.RateBudgets, b => b.Operation == "metrics");
        Assert.True(descriptor.Automation.AllowsVariantPosts);
        Assert.True(descriptor.Automation.ForbidsWelcomeMessages);
    }

    [Fact]
    public async Task Concurrent_publishes_on_different_accounts_each_land_once()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock());
        var accounts = Enumerable.Range(0, 4).Select(a => $"account{a}").ToList();

        var results = await Task.WhenAll(accounts.Select(account => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 50; i++)
            {
                ids.Add((await TestNetwork.PublishAsync(platform, account, $"Post {i}", $"{account}-{i}")).Id);
            }

            return ids;
        })));

        Assert.Equal(200, results.SelectMany(ids => ids).Distinct().Count());
        foreach (var account in accounts)
        {
            var lookup = await platform.LookupAsync(TestNetwork.Request(account, "Post 49", $"{account}-49"), TestContext.Current.CancellationToken);
            Assert.Equal(LookupStatus.Found, lookup.Status);
        }
    }
}
