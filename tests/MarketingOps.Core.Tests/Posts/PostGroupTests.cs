using System.Globalization;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Posts;

/// <summary>
/// One post to several accounts as a group: each validated by its own platform and judged by the guardrails per
/// account, all stored or none. The same text on different networks is normal; on two accounts of one network it is
/// the duplicate the guardrails refuse.
/// </summary>
public sealed class PostGroupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>acme on "fake" (280 characters), acme-b on "bsky" (300), acme-m on "masto" (500), acme-2 on "fake" too.</summary>
    private static (PublishingFixture Fixture, ScriptedPlatform Bsky, ScriptedPlatform Masto) NewFixture()
    {
        var fixture = new PublishingFixture(new ScriptedPlatform(capabilities: PlatformCapabilities.Replies));
        var bsky = new ScriptedPlatform("bsky", PlatformCapabilities.Replies, maxLength: 300);
        var masto = new ScriptedPlatform("masto", PlatformCapabilities.Replies, maxLength: 500);
        fixture.Registry.Add(bsky).Add(masto)
            .Add(new ClientAccount("acme-b", "bsky", Berlin))
            .Add(new ClientAccount("acme-m", "masto", Berlin))
            .Add(new ClientAccount("acme-2", "fake", Berlin));
        return (fixture, bsky, masto);
    }

    private static string Soon(PublishingFixture fixture) => (fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(5)).ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_same_text_on_three_networks_is_one_group_each_post_triggered_and_shown_with_the_others()
    {
        var (fixture, _, _) = NewFixture();
        using var _f = fixture;
        var text = DistinctText.Next();
        var at = Soon(fixture);

        var group = await fixture.Posts.ScheduleGroupAsync([new ScheduleRequest("acme", at, text), new ScheduleRequest("acme-b", at, text), new ScheduleRequest("acme-m", at, text)], Ct);

        Assert.NotNull(group.GroupId);
        Assert.Equal(["acme", "acme-b", "acme-m"], group.Posts.Select(p => p.Post.Account));
        Assert.All(group.Posts, p => Assert.Equal((PostState.Scheduled, group.GroupId), (p.Post.State, p.Post.GroupId)));
        Assert.All(group.Posts, p => Assert.True(fixture.Scheduler.Triggers.ContainsKey(p.Post.Id)));
        var shown = await fixture.Posts.ShowAsync(group.Posts[1].Post.Id, Ct);
        Assert.Equal(group.Posts.Select(p => p.Post.Id).Order(), shown.Group.Select(p => p.Id).Order());
        Assert.Contains("in group", shown.History[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_text_on_two_accounts_of_one_network_is_refused_and_nothing_of_the_group_is_stored()
    {
        var (fixture, _, _) = NewFixture();
        using var _f = fixture;
        var text = DistinctText.Next();
        var at = Soon(fixture);

        var refused = await Assert.ThrowsAsync<PostRequestException>(() =>
            fixture.Posts.ScheduleGroupAsync([new ScheduleRequest("acme-b", at, text), new ScheduleRequest("acme", at, text), new ScheduleRequest("acme-2", at, text)], Ct));

        var problem = Assert.Single(refused.Details);
        Assert.Equal(("acme-2", PostField.Guardrails), (problem.Subject, problem.Field));
        Assert.Contains("duplicate-content", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
        Assert.Empty(fixture.Scheduler.Triggers);
    }

    [Fact]
    public async Task Each_account_is_judged_by_its_own_platform_and_every_problem_names_its_account()
    {
        var (fixture, _, _) = NewFixture();
        using var _f = fixture;
        var at = Soon(fixture);
        var long290 = DistinctText.Next().PadRight(290, 'x');

        var refused = await Assert.ThrowsAsync<PostRequestException>(() =>
            fixture.Posts.ScheduleGroupAsync([new ScheduleRequest("acme", at, long290), new ScheduleRequest("acme-b", at, long290), new ScheduleRequest("nobody", at, long290)], Ct));

        // 290 characters: too long for "fake" (280), fine for "bsky" (300).
        Assert.Contains(refused.Problems, p => p.StartsWith("acme: ", StringComparison.Ordinal) && p.Contains("longer than 280", StringComparison.Ordinal));
        Assert.DoesNotContain(refused.Problems, p => p.StartsWith("acme-b:", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("nobody: --account: no account named 'nobody'", StringComparison.Ordinal));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
    }

    [Fact]
    public async Task A_group_of_threads_publishes_each_accounts_thread_on_its_own_network_while_one_network_fails()
    {
        var (fixture, bsky, masto) = NewFixture();
        using var _f = fixture;
        var at = Soon(fixture);
        var first = DistinctText.Next();
        var rest = new[] { DistinctText.Next(), DistinctText.Next() };
        masto.ThenPublish((r, _) => Task.FromResult(PublishResult.Published(masto.Create(r)))).ThenFail(PlatformErrorKind.Rejected, "validation failed");

        var group = await fixture.Posts.ScheduleGroupAsync([new ScheduleRequest("acme", at, first) { ThreadTexts = rest }, new ScheduleRequest("acme-b", at, first) { ThreadTexts = rest }, new ScheduleRequest("acme-m", at, first) { ThreadTexts = rest }], Ct);
        await fixture.FireAllAsync(Ct);

        var threads = new Dictionary<string, IReadOnlyList<Post>>();
        foreach (var head in group.Posts)
        {
            threads[head.Post.Account] = (await fixture.Posts.ShowAsync(head.Post.Id, Ct)).Thread;
        }

        Assert.All(threads["acme"].Concat(threads["acme-b"]), p => Assert.Equal(PostState.Published, p.State));
        Assert.Equal([PostState.Published, PostState.Failed, PostState.Scheduled], threads["acme-m"].Select(p => p.State));
        Assert.Contains("stopped at part 2 of 3", PostThreads.Stopped(threads["acme-m"]), StringComparison.Ordinal);
        Assert.Equal(3, bsky.PublishCalls.Count);
        Assert.Equal(2, masto.PublishCalls.Count);
        Assert.Equal(3, fixture.Platform.PublishCalls.Count);
    }
}
