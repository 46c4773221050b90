using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Inbox;

public sealed class ApprovalGateTests
{
    private static readonly ClientAccount Open = new("acme", "x", TimeZoneInfo.Utc);
    private static readonly ClientAccount Strict = Open with { ApprovalRequired = true };

    [Theory]
    [InlineData(GuardrailOutcome.Allow, false, false, PostGateDecision.Schedule)]
    [InlineData(GuardrailOutcome.Allow, true, false, PostGateDecision.HoldForApproval)]
    [InlineData(GuardrailOutcome.NeedsApproval, false, false, PostGateDecision.HoldForApproval)]
    [InlineData(GuardrailOutcome.NeedsApproval, false, true, PostGateDecision.Schedule)]
    [InlineData(GuardrailOutcome.Allow, true, true, PostGateDecision.Schedule)]
    [InlineData(GuardrailOutcome.Reject, false, true, PostGateDecision.Refuse)]
    [InlineData(GuardrailOutcome.Reject, true, false, PostGateDecision.Refuse)]
    public void Decides_from_the_verdict_the_account_and_a_prior_approval(GuardrailOutcome outcome, bool approvalRequired, bool approved, PostGateDecision expected)
    {
        var verdict = new GuardrailVerdict("m1", [new GuardrailRuleResult("r", outcome, "because")]);
        Assert.Equal(expected, ApprovalGate.Decide(approvalRequired ? Strict : Open, verdict, approved));
    }

    [Fact]
    public void The_policy_reads_unattended_kinds_from_plugins_json_entries()
    {
        var entry = new PluginEntry("followup", "/plugins/followup", "$.plugins[0]")
        {
            Workflows = new Dictionary<string, WorkflowEntry>
            {
                ["follow-up"] = new(null, ["reply", "dm"]),
                ["disabled"] = new(null, ["post"], Enabled: false),
            },
        };

        var policy = UnattendedPolicy.FromPlugins([entry]);

        Assert.True(policy.AllowsUnattended("followup/follow-up", MessageKind.Reply));
        Assert.True(policy.AllowsUnattended("FollowUp/Follow-Up", MessageKind.DirectMessage));
        Assert.False(policy.AllowsUnattended("followup/follow-up", MessageKind.Post));
        Assert.False(policy.AllowsUnattended("followup/disabled", MessageKind.Post));
        Assert.False(policy.AllowsUnattended("script:promo", MessageKind.Reply));
    }
}
