using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
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

    /// <summary>A second store on the database <see cref="CreateStoreAsync"/> made last, as a host started again would open it.</summary>
    internal abstract AdoPostStore Reopen();

    /// <summary>The migration scripts of this database.</summary>
    internal abstract IReadOnlyList<string> Scripts { get; }

    /// <summary>The columns of one index of the last store's database, in order ("due_at, id"); null when there is no such index.</summary>
    internal abstract Task<string?> IndexColumnsAsync(string index);

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
        Assert.Equal(PostSchema.Migrations.Count, await store.GetSchemaVersionAsync(Ct));
        Assert.Equal(8, PostSchema.Migrations.Count);
        Assert.Equal(Enumerable.Range(1, 8), PostSchema.Migrations.Select(m => m.Version));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task A_database_left_at_an_earlier_version_migrates_to_the_latest_keeping_its_posts_and_its_indexes_serve_the_calendar(int version)
    {
        var store = await CreateStoreAsync();
        var kept = await store.InsertAsync(NewPost(id: "m-1", due: Now.AddHours(1)), "created", Ct);
        await store.InsertAsync(NewPost("globex", "m-2", Now.AddHours(2)), "created", Ct);
        await store.TryTransitionAsync(kept, kept with { State = PostState.Cancelled }, "user", Ct);

        // Put the database back where that version left it: versions 6 and 7 only add indexes and 8 a column, so without them (and
        // with version 6's own script run again) it is what a host of that version wrote.
        await using (var connection = await store.OpenAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "ALTER TABLE posts DROP COLUMN options; DROP INDEX ix_posts_due; DROP INDEX ix_posts_account_due; DROP INDEX ix_posts_experiment_due; " +
                $"DELETE FROM schema_version WHERE version > {version};" + (version >= 6 ? Scripts[5] : string.Empty);
            await command.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(version == 6 ? "due_at, id" : null, await IndexColumnsAsync("ix_posts_due"));

        var reopened = Reopen();
        await reopened.InitializeAsync(Ct);
        Assert.Equal(Scripts.Count, await reopened.GetSchemaVersionAsync(Ct));
        Assert.Equal("due_at, id, state", await IndexColumnsAsync("ix_posts_due"));
        Assert.Equal("account, due_at, id, state", await IndexColumnsAsync("ix_posts_account_due"));
        Assert.Equal("experiment_id, due_at", await IndexColumnsAsync("ix_posts_experiment_due"));
        Assert.Equal(["m-1", "m-2"], (await reopened.ListAsync(new PostQuery(), Ct)).Select(p => p.Id));
        var day = await reopened.SummarizeDueAsync([Now, Now.AddDays(1)], new PostQuery(), 3, Ct);
        Assert.Equal((1, 1), (day[0].Counts[PostState.Cancelled], day[0].Counts[PostState.Scheduled]));
    }

    [Fact]
    public async Task Pages_after_a_cursor_follow_due_time_then_id_without_skipping_or_repeating_posts_due_at_the_same_time()
    {
        var store = await CreateStoreAsync();
        var same = Now.AddHours(2);
        string[] ids = ["a1", "a2", "a3", "a4", "a5", "a6"];
        DateTimeOffset[] dues = [Now.AddHours(3), same, same, Now.AddHours(1), same, Now.AddHours(4)];
        for (var i = 0; i < ids.Length; i++)
        {
            await store.InsertAsync(NewPost(id: ids[i], due: dues[i]), "created", Ct);
        }

        await store.InsertAsync(NewPost("globex", "b1", same), "created", Ct);

        async Task<List<string>> AllPagesAsync(string? account)
        {
            var seen = new List<string>();
            PostCursor? after = null;
            while (true)
            {
                var page = await store.ListAsync(new PostQuery(Account: account, Limit: 2) { After = after }, Ct);
                seen.AddRange(page.Select(p => p.Id));
                if (page.Count < 2)
                {
                    return seen;
                }

                after = new PostCursor(page[^1].DueAt, page[^1].Id);
            }
        }

        Assert.Equal(["a4", "a2", "a3", "a5", "b1", "a1", "a6"], await AllPagesAsync(null));
        Assert.Equal(["a4", "a2", "a3", "a5", "a1", "a6"], await AllPagesAsync("acme"));
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
        Assert.Equal((MessageKind.Post, MessageOrigin.Hand, null), (read.Kind, read.Origin, read.Template));
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task A_posts_platform_options_round_trip_and_are_sent_with_its_variant()
    {
        var store = await CreateStoreAsync();
        var post = NewPost() with { Options = new Dictionary<string, string> { ["visibility"] = "unlisted", ["spoiler_text"] = "-5 °C \"today\"\n" } };

        await store.InsertAsync(post, "created", Ct);
        var read = (await store.GetAsync(post.Id, Ct))!;

        Assert.Equal(post.Options, read.Options);
        Assert.Equal(new Dictionary<string, string> { ["visibility"] = "unlisted", ["spoiler_text"] = "-5 °C \"today\"\n", ["variant"] = "B" }, read.ToDraft().Options);
        Assert.Same(PlatformOptions.None, (await store.GetAsync((await store.InsertAsync(NewPost(), "created", Ct)).Id, Ct))!.Options);
    }

    [Fact]
    public async Task A_group_with_a_thread_is_stored_in_one_transaction_and_found_by_group_and_by_thread()
    {
        var store = await CreateStoreAsync();
        var head = NewPost() with { GroupId = "g1", ThreadId = "t1", ThreadPart = 1, ThreadParts = 2 };
        var part = NewPost() with { GroupId = "g1", ThreadId = "t1", ThreadPart = 2, ThreadParts = 2, InReplyTo = "p1", ThreadRootId = "p1" };
        var other = NewPost("globex") with { GroupId = "g1" };

        var stored = await store.InsertAllAsync([new NewPost(head, "a"), new NewPost(part, "b"), new NewPost(other, "c")], Ct);

        Assert.Equal(3, stored.Count);
        var read = await store.GetAsync(part.Id, Ct);
        Assert.Equal(stored[1] with { Media = read!.Media }, read);
        Assert.Equal(3, (await store.ListAsync(new PostQuery() { GroupId = "g1" }, Ct)).Count);
        Assert.Equal([1, 2], (await store.ListAsync(new PostQuery() { ThreadId = "t1" }, Ct)).Select(p => p.ThreadPart).Order());
        var linked = (await store.GetAsync(part.Id, Ct))!;
        Assert.Equal(new ThreadReference("p1", "p1", 2, 2), linked.ToDraft().Thread);

        // All or nothing: a second insert whose last post clashes leaves none of its posts behind.
        var fresh = NewPost() with { GroupId = "g2" };
        await Assert.ThrowsAnyAsync<Exception>(() => store.InsertAllAsync([new NewPost(fresh, "a"), new NewPost(head, "again")], Ct));
        Assert.Null(await store.GetAsync(fresh.Id, Ct));
    }

    [Fact]
    public async Task A_reply_round_trips_its_kind_recipient_origin_trigger_template_and_approval()
    {
        var store = await CreateStoreAsync();
        var post = NewPost() with
        {
            Kind = MessageKind.Reply,
            Recipient = "@ana",
            InReplyTo = "sbx-mention-1",
            Origin = MessageOrigin.Inbox,
            TriggerEventId = "evt-7",
            Template = new MessageTemplate("thanks", new Dictionary<string, string> { ["name"] = "Ana", ["topic"] = "sourdough" }),
            ApprovedBy = "maria",
        };
        var inserted = await store.InsertAsync(post, "created", Ct);
        var moved = await store.TryTransitionAsync(inserted, inserted with { State = PostState.Cancelled }, "user", Ct);

        var read = await store.GetAsync(post.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(moved! with { Media = read.Media, Template = read.Template }, read);
        Assert.Equal("thanks", read.Template!.TemplateId);
        Assert.Equal(post.Template!.Values, read.Template.Values);
        var draft = read.ToDraft();
        Assert.Equal((MessageKind.Reply, "@ana", "sbx-mention-1"), (draft.Kind, draft.Recipient, draft.InReplyTo));
        var message = read.ToMessage(read.DueAt);
        Assert.Equal((MessageOrigin.Inbox, "evt-7", "exp-1", "B"), (message.Origin, message.TriggerEventId, message.ExperimentId, message.VariantId));
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

    [Fact]
    public async Task A_summary_counts_each_window_by_state_and_returns_its_first_posts_in_list_order()
    {
        var store = await CreateStoreAsync();
        var bounds = new[] { Now, Now.AddHours(10), Now.AddHours(20), Now.AddHours(30) };
        // Window 0: four posts (two at the same instant, ordered by id), one cancelled; window 1: none; window 2: one of
        // another account and experiment. A post exactly at a bound belongs to the window it starts; one at the last bound to none.
        var a = await store.InsertAsync(NewPost(id: "p-b", due: Now), "created", Ct);
        await store.InsertAsync(NewPost(id: "p-a", due: Now), "created", Ct);
        var c = await store.InsertAsync(NewPost(id: "p-c", due: Now.AddHours(9)), "created", Ct);
        await store.InsertAsync(NewPost(id: "p-d", due: Now.AddHours(5)), "created", Ct);
        await store.TryTransitionAsync(c, c with { State = PostState.Cancelled }, "user", Ct);
        await store.InsertAsync(NewPost(id: "p-e", account: "other", due: Now.AddHours(20)) with { ExperimentId = "exp-2" }, "created", Ct);
        await store.InsertAsync(NewPost(id: "p-f", due: Now.AddHours(30)), "created", Ct);
        await store.InsertAsync(NewPost(id: "p-g", due: Now.AddHours(-1)), "created", Ct);

        var windows = await store.SummarizeDueAsync(bounds, new PostQuery(), 3, Ct);

        Assert.Equal(3, windows.Count);
        Assert.Equal(4, windows[0].Total);
        Assert.Equal(3, windows[0].Counts[PostState.Scheduled]);
        Assert.Equal(1, windows[0].Counts[PostState.Cancelled]);
        Assert.Equal(["p-a", "p-b", "p-d"], windows[0].First.Select(p => p.Id));
        Assert.Equal(a with { Media = windows[0].First[1].Media }, windows[0].First[1]);
        Assert.Equal(0, windows[1].Total);
        Assert.Empty(windows[1].First);
        Assert.Equal(["p-e"], windows[2].First.Select(p => p.Id));

        var acme = await store.SummarizeDueAsync(bounds, new PostQuery(Account: "acme"), 1, Ct);
        Assert.Equal([4, 0, 0], acme.Select(w => w.Total));
        Assert.Equal(["p-a"], acme[0].First.Select(p => p.Id));
        var experiment = await store.SummarizeDueAsync(bounds, new PostQuery { ExperimentId = "exp-2" }, 3, Ct);
        Assert.Equal([0, 0, 1], experiment.Select(w => w.Total));
        var countsOnly = await store.SummarizeDueAsync(bounds, new PostQuery(), 0, Ct);
        Assert.Equal([4, 0, 1], countsOnly.Select(w => w.Total));
        Assert.All(countsOnly, w => Assert.Empty(w.First));
    }

    [Fact]
    public async Task List_finds_the_posts_the_platform_knows_by_an_id()
    {
        var store = await CreateStoreAsync();
        var mine = await store.InsertAsync(NewPost() with { PlatformPostId = "1850" }, "created", Ct);
        await store.InsertAsync(NewPost(account: "other") with { PlatformPostId = "1850" }, "created", Ct);
        await store.InsertAsync(NewPost(), "created", Ct);

        Assert.Equal([mine.Id], (await store.ListAsync(new PostQuery(Account: "acme") { PlatformPostId = "1850" }, Ct)).Select(p => p.Id));
        Assert.Equal(2, (await store.ListAsync(new PostQuery { PlatformPostId = "1850" }, Ct)).Count);
        Assert.Empty(await store.ListAsync(new PostQuery { PlatformPostId = "185" }, Ct));
    }

    [Fact]
    public async Task The_inbox_table_keeps_items_whole_finds_them_by_trigger_and_lists_by_status()
    {
        var inbox = new SqlInboxStore(await CreateStoreAsync());
        var verdict = new GuardrailVerdict("i1", [new GuardrailRuleResult("welcome-message", GuardrailOutcome.NeedsApproval, "a welcome message", new GuardrailMatch("p9", "acme", Now, 0.75))]);
        var first = new InboxItem
        {
            Id = "i1",
            Kind = InboxItemKind.Proposal,
            Platform = "sandbox",
            Account = "Acme",
            Draft = new PostDraft("Hi Ana, welcome!") { Kind = MessageKind.DirectMessage, Recipient = "@ana" },
            Source = "followup/follow-up",
            Trigger = "new follower @ana",
            TriggerEventId = "evt-1",
            Facts = new Dictionary<string, string> { ["bio"] = "baker" },
            ProposedAt = Now,
            Verdict = verdict,
        };
        var second = first with { Id = "i2", TriggerEventId = "evt-2", ProposedAt = Now.AddMinutes(1) };

        Assert.True(await inbox.AddAsync(second, Ct));
        Assert.True(await inbox.AddAsync(first, Ct));
        Assert.False(await inbox.AddAsync(first with { Trigger = "again" }, Ct));
        await inbox.UpdateAsync(second with { Status = InboxItemStatus.Rejected, Decisions = [new InboxDecision(InboxDecisionAction.Rejected, "maria", Now, "off brand")] }, Ct);

        var read = await inbox.GetAsync("i1", Ct);
        Assert.NotNull(read);
        Assert.Equal(("new follower @ana", MessageKind.DirectMessage, "@ana", "baker"), (read.Trigger, read.Draft.Kind, read.Draft.Recipient, read.Facts["bio"]));
        var result = Assert.Single(read.Verdict.Results);
        Assert.Equal(("welcome-message", GuardrailOutcome.NeedsApproval, "p9", 0.75), (result.Rule, result.Outcome, result.Match!.MessageId, result.Match.Similarity));
        Assert.Equal("i1", (await inbox.FindByTriggerAsync("followup/follow-up", "acme", "evt-1", Ct))?.Id);
        Assert.Null(await inbox.FindByTriggerAsync("script:x", "acme", "evt-1", Ct));
        Assert.Equal(["i1", "i2"], (await inbox.ListAsync(null, Ct)).Select(i => i.Id));
        Assert.Equal(["i1"], (await inbox.ListAsync(InboxItemStatus.Pending, Ct)).Select(i => i.Id));
        var rejected = Assert.Single(await inbox.ListAsync(InboxItemStatus.Rejected, Ct));
        Assert.Equal(("maria", "off brand"), (rejected.Decisions[0].By, rejected.Decisions[0].Reason));
        await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.UpdateAsync(first with { Id = "missing" }, Ct));
    }

    [Fact]
    public async Task An_inbox_page_reads_only_its_items_oldest_first_and_counts_them_all()
    {
        var inbox = new SqlInboxStore(await CreateStoreAsync());
        var template = new InboxItem
        {
            Id = "x",
            Kind = InboxItemKind.Proposal,
            Platform = "sandbox",
            Account = "acme",
            Draft = new PostDraft("Thanks!") { Kind = MessageKind.Reply, Recipient = "@ana", InReplyTo = "1" },
            Source = "followup/follow-up",
            Trigger = "mention",
            ProposedAt = Now,
            Verdict = new GuardrailVerdict("x", []),
        };
        for (var i = 0; i < 7; i++)
        {
            await inbox.AddAsync(template with { Id = "i" + i, ProposedAt = Now.AddMinutes(7 - i), Status = i == 3 ? InboxItemStatus.Approved : InboxItemStatus.Pending }, Ct);
        }

        var second = await ((IInboxStore)inbox).ListPageAsync(InboxItemStatus.Pending, 2, 2, Ct);
        Assert.Equal(6, second.Total);
        Assert.Equal(["i4", "i2"], second.Items.Select(i => i.Id));
        var last = await ((IInboxStore)inbox).ListPageAsync(null, 6, 5, Ct);
        Assert.Equal((7, "i0"), (last.Total, Assert.Single(last.Items).Id));
        Assert.Empty((await ((IInboxStore)inbox).ListPageAsync(InboxItemStatus.Rejected, 0, 5, Ct)).Items);
    }

    [Fact]
    public async Task The_rejection_table_returns_rejections_since_a_time_oldest_first()
    {
        var log = new SqlRejectionLog(await CreateStoreAsync());
        await log.RecordAsync(new GuardrailRejection("m2", "acme", MessageKind.DirectMessage, MessageOrigin.Unattended, "fan-out", "too many", Now.AddHours(2)), Ct);
        await log.RecordAsync(new GuardrailRejection("m1", "acme", MessageKind.Post, MessageOrigin.Hand, "duplicate-content", "the same text as post p1", Now.AddHours(1)), Ct);
        await log.RecordAsync(new GuardrailRejection("m0", "acme", MessageKind.Post, MessageOrigin.Hand, "duplicate-content", "old", Now.AddDays(-3)), Ct);

        var read = new List<GuardrailRejection>();
        await foreach (var rejection in log.ReadSinceAsync(Now, Ct))
        {
            read.Add(rejection);
        }

        Assert.Equal(
            [
                new GuardrailRejection("m1", "acme", MessageKind.Post, MessageOrigin.Hand, "duplicate-content", "the same text as post p1", Now.AddHours(1)),
                new GuardrailRejection("m2", "acme", MessageKind.DirectMessage, MessageOrigin.Unattended, "fan-out", "too many", Now.AddHours(2)),
            ],
            read);
    }

    [Fact]
    public async Task The_audience_table_ignores_known_events_and_finds_by_id_post_and_person()
    {
        var audience = new SqlAudienceHistory(await CreateStoreAsync());
        var message = new AudienceEvent("e2", AudienceEventKind.DirectMessage, "@Ana", Now.AddMinutes(5), "do you ship abroad?");
        var mention = new AudienceEvent("e1", AudienceEventKind.Mention, "ana", Now, "@acme hi", "post-1");
        await audience.RecordAsync("Acme", [message, mention], Ct);
        await audience.RecordAsync("acme", [mention with { Text = "changed" }], Ct);
        await audience.RecordAsync("other", [new AudienceEvent("e3", AudienceEventKind.Follow, "ana", Now)], Ct);

        Assert.Equal(mention, await audience.FindEventAsync("ACME", "e1", Ct));
        Assert.Equal(mention, await audience.FindByPostAsync("acme", "post-1", Ct));
        Assert.Null(await audience.FindEventAsync("acme", "e3", Ct));
        Assert.Equal([mention, message], await audience.GetEventsFromAsync("acme", "@ANA", Ct));
    }
}
