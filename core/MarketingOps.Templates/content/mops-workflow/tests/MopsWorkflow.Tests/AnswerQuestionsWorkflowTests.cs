using MarketingOps.Sdk;

namespace MopsWorkflow.Tests;

public sealed class AnswerQuestionsWorkflowTests
{
    private static readonly AccountInfo Account = new("sandbox", "acme", "Europe/Berlin");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_question_in_a_mention_becomes_one_reply_proposal_for_a_person()
    {
        var audience = new FixedAudience(
            new AudienceEvent("e1", AudienceEventKind.Mention, "@ana", At, "Does it work offline?", PostId: "p1"),
            new AudienceEvent("e2", AudienceEventKind.Mention, "@bo", At, "Love it", PostId: "p2"),
            new AudienceEvent("e3", AudienceEventKind.Follow, "@cy", At));
        var context = new RecordingContext([Account], audience);

        await new AnswerQuestionsWorkflow(new WorkflowSettings()).RunAsync(context, TestContext.Current.CancellationToken);

        var proposal = Assert.Single(context.Proposals);
        Assert.Equal(MessageKind.Reply, proposal.Draft.Kind);
        Assert.Equal("p1", proposal.Draft.InReplyTo);
        Assert.StartsWith("@ana ", proposal.Draft.Text, StringComparison.Ordinal);
        Assert.Equal("e1", proposal.TriggerEventId);
        Assert.Contains("Does it work offline?", proposal.Trigger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_run_looks_back_as_far_as_the_settings_say()
    {
        var audience = new FixedAudience();
        var context = new RecordingContext([Account], audience);

        await new AnswerQuestionsWorkflow(new WorkflowSettings { FirstRunLookback = TimeSpan.FromHours(6) }).RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(context.ScheduledAt.AddHours(-6), audience.AskedSince);
    }

    [Fact]
    public async Task An_account_whose_platform_reports_no_audience_is_skipped()
    {
        var context = new RecordingContext([Account], audience: null);

        await new AnswerQuestionsWorkflow(new WorkflowSettings()).RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Empty(context.Proposals);
    }
}
