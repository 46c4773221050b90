using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Storage;

/// <summary>What every post store must do; run once per database.</summary>
public abstract class PostStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty store.</summary>
    internal abstract Task<AdoPostStore> CreateStoreAsync();

    protected static Post NewPost(string account = "acme", string? id = null, DateTimeOffset? due = null)
    {
        id ??= Guid.NewGuid().ToString("N");
        var at = due ?? Now.AddHours(1);
        return new Post(id, account, "Hello ✨ world", at, PostState.Scheduled, "mops-" + id)
        {
            DueAt = at,
            CreatedAt = Now,
            UpdatedAt = Now,
            Media = [new MediaAttachment("/client/media/cat.png", "image/png", "A cat")],
            ExperimentId = "exp-1",
            Variant = "B",
        };
    }

    [Fact]
    public async Task Migrations_are_applied_once_and_recorded()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);
        Assert.Equal(1, await store.GetSchemaVersionAsync(Ct));
    }

    [Fact]
    public async Task A_post_round_trips_every_field()
    {
        var store = await CreateStoreAsync();
        var post = NewPost();
        var inserted = await store.InsertAsync(post, "created", Ct);

        var read = await store.GetAsync(post.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(post.Media, read.Media);
        Assert.Equal(inserted with { Media = read.Media }, read);
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task A_transition_from_a_stale_version_loses_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var post = await store.InsertAsync(NewPost(), "created", Ct);

        var cancelled = await store.TryTransitionAsync(post, post with { State = PostState.Cancelled }, "user", Ct);
        var stale = await store.TryTransitionAsync(post, post with { State = PostState.Missed }, "late", Ct);

        Assert.NotNull(cancelled);
        Assert.Equal(2, cancelled.Version);
        Assert.Null(stale);
        Assert.Equal(PostState.Cancelled, (await store.GetAsync(post.Id, Ct))!.State);
        Assert.Equal(2, (await store.GetHistoryAsync(post.Id, Ct)).Count);
    }

    [Fact]
    public async Task History_keeps_every_transition_in_order()
    {
        var store = await CreateStoreAsync();
        var post = await store.InsertAsync(NewPost(), "created", Ct);
        var claimed = (await store.TryClaimAsync(post, Now.AddHours(1), "host-a", [], Ct)).Post!;
        await store.TryTransitionAsync(claimed, claimed with { State = PostState.Published, UpdatedAt = Now.AddHours(1).AddSeconds(1) }, "published as 9", Ct);

        var history = await store.GetHistoryAsync(post.Id, Ct);

        Assert.Equal([(null, PostState.Scheduled), (PostState.Scheduled, PostState.Publishing), (PostState.Publishing, PostState.Published)], history.Select(h => (h.From, h.To)));
        Assert.Equal(["created", "attempt 1 by host-a", "published as 9"], history.Select(h => h.Reason));
        Assert.Equal(Now.AddHours(1), history[1].At);
    }

    [Fact]
    public async Task A_claim_counts_the_attempt_and_keeps_the_first_attempt_time()
    {
        var store = await CreateStoreAsync();
        var post = await store.InsertAsync(NewPost(), "created", Ct);
        var first = (await store.TryClaimAsync(post, Now.AddHours(1), "host-a", [], Ct)).Post!;
        var back = (await store.TryTransitionAsync(first, first with { State = PostState.Scheduled }, "retry", Ct))!;
        var second = await store.TryClaimAsync(back, Now.AddHours(2), "host-b", [], Ct);

        Assert.Equal(ClaimOutcome.Claimed, second.Outcome);
        Assert.Equal(2, second.Post!.Attempts);
        Assert.Equal(Now.AddHours(1), second.Post.FirstAttemptAt);
        Assert.Equal(("host-b", Now.AddHours(2)), (second.Post.ClaimedBy, second.Post.ClaimedAt!.Value));
    }

    [Fact]
    public async Task A_claim_is_refused_while_another_post_of_the_account_is_publishing()
    {
        var store = await CreateStoreAsync();
        var a = await store.InsertAsync(NewPost(), "created", Ct);
        var b = await store.InsertAsync(NewPost(), "created", Ct);
        var c = await store.InsertAsync(NewPost(account: "other"), "created", Ct);
        Assert.Equal(ClaimOutcome.Claimed, (await store.TryClaimAsync(a, Now, "h", [], Ct)).Outcome);

        var busy = await store.TryClaimAsync(b, Now, "h", [], Ct);

        Assert.Equal(ClaimOutcome.AccountBusy, busy.Outcome);
        Assert.Equal(a.Id, busy.BusyWith);
        Assert.Equal(PostState.Scheduled, (await store.GetAsync(b.Id, Ct))!.State);
        Assert.Equal(ClaimOutcome.Claimed, (await store.TryClaimAsync(c, Now, "h", [], Ct)).Outcome);
    }

    [Fact]
    public async Task A_claim_is_refused_when_a_budget_is_spent_until_the_window_frees_a_slot()
    {
        var store = await CreateStoreAsync();
        var budgets = new[] { new RateBudget("publish", 2, TimeSpan.FromMinutes(15)), new RateBudget("publish", 3, TimeSpan.FromHours(1)) };
        async Task PublishAt(DateTimeOffset at)
        {
            var p = await store.InsertAsync(NewPost(), "created", Ct);
            var claim = await store.TryClaimAsync(p, at, "h", budgets, Ct);
            Assert.Equal(ClaimOutcome.Claimed, claim.Outcome);
            await store.TryTransitionAsync(claim.Post!, claim.Post! with { State = PostState.Published }, "ok", Ct);
        }

        await PublishAt(Now);
        await PublishAt(Now.AddMinutes(20));
        await PublishAt(Now.AddMinutes(21));
        var next = await store.InsertAsync(NewPost(), "created", Ct);

        var shortWindow = await store.TryClaimAsync(next, Now.AddMinutes(22), "h", budgets, Ct);
        var longWindow = await store.TryClaimAsync(next, Now.AddMinutes(40), "h", budgets, Ct);
        var free = await store.TryClaimAsync(next, Now.AddMinutes(61), "h", budgets, Ct);

        Assert.Equal((ClaimOutcome.BudgetSpent, Now.AddMinutes(60)), (shortWindow.Outcome, shortWindow.RetryAt!.Value));
        Assert.Equal((ClaimOutcome.BudgetSpent, Now.AddMinutes(60)), (longWindow.Outcome, longWindow.RetryAt!.Value));
        Assert.Equal(3, longWindow.Budget!.Limit);
        Assert.Equal(ClaimOutcome.Claimed, free.Outcome);
    }

    [Fact]
    public async Task A_claim_of_a_post_changed_meanwhile_is_lost()
    {
        var store = await CreateStoreAsync();
        var post = await store.InsertAsync(NewPost(), "created", Ct);
        await store.TryTransitionAsync(post, post with { State = PostState.Cancelled }, "user", Ct);

        Assert.Equal(ClaimOutcome.Lost, (await store.TryClaimAsync(post, Now, "h", [], Ct)).Outcome);
        Assert.Equal(PostState.Cancelled, (await store.GetAsync(post.Id, Ct))!.State);
    }

    [Fact]
    public async Task Two_hosts_claiming_one_post_at_once_produce_one_claim()
    {
        var store = await CreateStoreAsync();
        var post = await store.InsertAsync(NewPost(), "created", Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryClaimAsync(post, Now, "host-" + i, [], Ct))));

        Assert.Single(claims, c => c.Outcome == ClaimOutcome.Claimed);
        Assert.Equal(1, (await store.GetAsync(post.Id, Ct))!.Attempts);
    }

    [Fact]
    public async Task List_filters_and_orders_by_due_time()
    {
        var store = await CreateStoreAsync();
        var late = await store.InsertAsync(NewPost(due: Now.AddHours(3)), "created", Ct);
        var early = await store.InsertAsync(NewPost(due: Now.AddHours(1)), "created", Ct);
        var other = await store.InsertAsync(NewPost(account: "other", due: Now.AddHours(2)), "created", Ct);
        await store.TryTransitionAsync(other, other with { State = PostState.Cancelled }, "user", Ct);

        Assert.Equal([early.Id, other.Id, late.Id], (await store.ListAsync(new PostQuery(), Ct)).Select(p => p.Id));
        Assert.Equal([early.Id, late.Id], (await store.ListAsync(new PostQuery(PostState.Scheduled), Ct)).Select(p => p.Id));
        Assert.Equal([other.Id], (await store.ListAsync(new PostQuery(Account: "other"), Ct)).Select(p => p.Id));
        Assert.Equal([early.Id], (await store.ListAsync(new PostQuery(Limit: 1), Ct)).Select(p => p.Id));
    }
}
