using MarketingOps.Sdk;
using MarketingOps.Workflows.FollowUp.Tests.Doubles;
using Microsoft.Extensions.Logging;
using static MarketingOps.Workflows.FollowUp.Tests.Doubles.RecordingWorkflowContext;

namespace MarketingOps.Workflows.FollowUp.Tests;

public sealed class FollowUpWorkflowTests
{
    private static readonly PublicProfile Ana = new("ana", "Ana Souza", "Baker in Lisbon. #sourdough every weekend.", ["Just pulled my first 80% hydration loaf out of the oven, the crumb is wild", "Market day!"]);

    [Fact]
    public async Task A_new_follower_gets_a_personal_draft_in_the_inbox_not_a_message()
    {
        var (context, source) = Setup();
        source.Events.Add(new AudienceEvent("f1", AudienceEventKind.Follow, "ana", Now.AddHours(-1)));
        source.Profiles["ana"] = Ana;

        await RunAsync(context);

        var proposal = Assert.Single(context.Proposals);
        Assert.Equal(("sandbox", "acme", "f1", "new follower @ana"), (proposal.Platform, proposal.Account, proposal.TriggerEventId, proposal.Trigger));
        Assert.Equal(MessageKind.DirectMessage, proposal.Draft.Kind);
        Assert.Equal("ana", proposal.Draft.Recipient);
        Assert.Contains("Hi Ana", proposal.Draft.Text, StringComparison.Ordinal);
        Assert.Contains("80% hydration loaf", proposal.Draft.Text, StringComparison.Ordinal);
        Assert.Contains("sourdough", proposal.Draft.Text, StringComparison.Ordinal);
        Assert.Equal("Ana Souza (@ana)", proposal.Facts["who"]);
        Assert.Equal(Ana.Bio, proposal.Facts["bio"]);
        Assert.Equal(Ana.RecentPosts[0], proposal.Facts["recent post"]);
    }

    [Fact]
    public async Task A_follower_with_no_public_profile_gets_no_draft()
    {
        var (context, source) = Setup();
        source.Events.Add(new AudienceEvent("f1", AudienceEventKind.Follow, "ghost", Now.AddHours(-1)));

        await RunAsync(context);

        Assert.Empty(context.Proposals);
    }

    [Fact]
    public async Task A_mention_gets_a_reply_to_that_post()
    {
        var (context, source) = Setup();
        source.Events.Add(new AudienceEvent("m1", AudienceEventKind.Mention, "ana", Now.AddHours(-1), "@acme does the starter kit ship to Porto?", "p-123"));
        source.Profiles["ana"] = Ana;

        await RunAsync(context);

        var proposal = Assert.Single(context.Proposals);
        Assert.Equal((MessageKind.Reply, "p-123", "ana"), (proposal.Draft.Kind, proposal.Draft.InReplyTo, proposal.Draft.Recipient));
        Assert.StartsWith("@ana Thanks for the mention, Ana! Good question", proposal.Draft.Text, StringComparison.Ordinal);
        Assert.Contains("ship to Porto?", proposal.Trigger, StringComparison.Ordinal);
        Assert.Equal("@acme does the starter kit ship to Porto?", proposal.Facts["they wrote"]);
    }

    [Fact]
    public async Task A_message_gets_a_direct_answer()
    {
        var (context, source) = Setup();
        source.Events.Add(new AudienceEvent("d1", AudienceEventKind.DirectMessage, "ben", Now.AddHours(-1), "Hi! Do you have gift cards?"));

        await RunAsync(context);

        var proposal = Assert.Single(context.Proposals);
        Assert.Equal((MessageKind.DirectMessage, "ben"), (proposal.Draft.Kind, proposal.Draft.Recipient));
        Assert.Contains("gift cards?", proposal.Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_event_yields_at_most_one_proposal()
    {
        var (context, source) = Setup();
        var mention = new AudienceEvent("m1", AudienceEventKind.Mention, "ana", Now.AddHours(-1), "love it", "p-1");
        source.Events.AddRange([mention, mention]);
        source.Profiles["ana"] = Ana;

        await RunAsync(context);

        Assert.Single(context.Proposals);
    }

    [Fact]
    public async Task Drafts_for_different_people_say_different_things()
    {
        var (context, source) = Setup();
        source.Profiles["ana"] = Ana;
        source.Profiles["ben"] = new PublicProfile("ben", "Ben Ito", "Runner. #marathon training log.", ["Long run in the rain today, 32 km done"]);
        source.Events.Add(new AudienceEvent("f1", AudienceEventKind.Follow, "ana", Now.AddHours(-2)));
        source.Events.Add(new AudienceEvent("f2", AudienceEventKind.Follow, "ben", Now.AddHours(-1)));

        await RunAsync(context);

        Assert.Equal(2, context.Proposals.Count);
        Assert.NotEqual(context.Proposals[0].Draft.Text.Replace("Ana", "X", StringComparison.Ordinal), context.Proposals[1].Draft.Text.Replace("Ben", "X", StringComparison.Ordinal));
        Assert.Contains("32 km", context.Proposals[1].Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_run_looks_back_a_day_and_later_runs_from_the_previous_one_with_an_overlap()
    {
        var (first, firstSource) = Setup();
        await RunAsync(first);
        Assert.Equal(Now.AddHours(-24), Assert.Single(firstSource.EventRequests).Since);

        var (later, laterSource) = Setup(previousRunAt: Now.AddMinutes(-15));
        await RunAsync(later);
        Assert.Equal(Now.AddMinutes(-30), Assert.Single(laterSource.EventRequests).Since);
    }

    [Fact]
    public async Task Accounts_without_an_audience_source_are_skipped_and_one_failing_account_does_not_stop_the_others()
    {
        var logger = new CollectingLogger();
        var broken = new FakeAudienceSource { FailWith = new HttpRequestException("platform down") };
        var working = new FakeAudienceSource();
        working.Events.Add(new AudienceEvent("d1", AudienceEventKind.DirectMessage, "ben", Now.AddHours(-1), "hello"));
        var context = new RecordingWorkflowContext
        {
            Logger = logger,
            Accounts = [new AccountInfo("board", "acme-board", "UTC"), new AccountInfo("x", "acme-x", "UTC"), new AccountInfo("sandbox", "acme", "UTC")],
        };
        context.Sources["x"] = broken;
        context.Sources["sandbox"] = working;

        await RunAsync(context);

        Assert.Equal("acme", Assert.Single(context.Proposals).Account);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("acme-x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Followers_can_be_left_out_by_settings()
    {
        var (context, source) = Setup();
        source.Events.Add(new AudienceEvent("f1", AudienceEventKind.Follow, "ana", Now.AddHours(-1)));
        source.Profiles["ana"] = Ana;

        await new FollowUpWorkflow(new FollowUpSettings { DraftForFollowers = false }).RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Empty(context.Proposals);
    }

    private static (RecordingWorkflowContext Context, FakeAudienceSource Source) Setup(DateTimeOffset? previousRunAt = null)
    {
        var source = new FakeAudienceSource();
        var context = new RecordingWorkflowContext { PreviousRunAt = previousRunAt };
        context.Sources["sandbox"] = source;
        return (context, source);
    }

    private static Task RunAsync(RecordingWorkflowContext context) =>
        new FollowUpWorkflow(new FollowUpSettings()).RunAsync(context, TestContext.Current.CancellationToken);
}
