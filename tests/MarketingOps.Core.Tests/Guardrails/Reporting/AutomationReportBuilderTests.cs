using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Reporting;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using MarketingOps.Sdk;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails.Reporting;

public sealed class AutomationReportBuilderTests
{
    // Noon is Monday 2026-03-02, the first day of 2026-W10.
    private static readonly IsoWeek W10 = new(2026, 10);
    private static readonly IsoWeek W09 = new(2026, 9);

    [Fact]
    public async Task Counts_posts_replies_and_messages_by_origin_per_account_and_week()
    {
        using var harness = new GuardrailHarness();
        harness.History.Add(harness.Post("by hand", at: Noon.AddHours(-1)));
        harness.History.Add(harness.Post("by script", origin: MessageOrigin.Unattended, at: Noon.AddHours(-2)));
        harness.History.Add(harness.Reply("approved", "ana", origin: MessageOrigin.Inbox, at: Noon.AddHours(-3)));
        harness.History.Add(harness.DirectMessage("approved", "ben", origin: MessageOrigin.Inbox, at: Noon.AddHours(-4)));
        harness.History.Add(harness.Post("last week", at: Noon.AddDays(-3)));
        harness.History.Add(harness.Post("other account", "acme-x2", at: Noon.AddHours(-1)));
        harness.History.Add(harness.Post("scheduled, not sent", at: Noon.AddHours(5)));

        var report = await Build(harness, Noon.AddDays(-7));

        Assert.Equal([("acme-x", W09), ("acme-x", W10), ("acme-x2", W10)], report.Rows.Select(r => (r.Account, r.Week)));
        var week = report.Rows[1];
        Assert.Equal(new OriginCounts(1, 0, 1), week.Posts);
        Assert.Equal(new OriginCounts(0, 1, 0), week.Replies);
        Assert.Equal(new OriginCounts(0, 1, 0), week.DirectMessages);
        Assert.Equal(new OriginCounts(1, 0, 0), report.Rows[0].Posts);
        Assert.Equal(Noon, report.Until);
    }

    [Fact]
    public async Task Rejections_are_counted_by_rule_once_per_message()
    {
        using var harness = new GuardrailHarness();
        for (var i = 0; i < 5; i++)
        {
            await harness.SendAsync(harness.DirectMessage("Thanks for following!", $"f{i}", "acme-sb", MessageOrigin.Unattended));
        }

        var tooLong = harness.Post(new string('x', 300));
        await harness.CheckAsync(tooLong);
        await harness.CheckAsync(tooLong); // checked again before sending: still one rejection

        var report = await Build(harness, Noon.AddDays(-1));

        var sandbox = report.Rows.Single(r => r.Account == "acme-sb");
        Assert.Equal(2, sandbox.RejectionsByRule[GuardrailRuleNames.FanOut]);
        Assert.Equal(1, report.Rows.Single(r => r.Account == "acme-x").RejectionsByRule[GuardrailRuleNames.PlatformText]);
    }

    [Fact]
    public async Task Weeks_are_in_the_accounts_time_zone()
    {
        using var harness = new GuardrailHarness();
        var sundayNightUtc = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero); // Monday 05:00 in Tokyo
        harness.History.Add(harness.Post("tokyo", "acme-tokyo", at: sundayNightUtc));
        harness.History.Add(harness.Post("utc", at: sundayNightUtc));

        var report = await Build(harness, Noon.AddDays(-7));

        Assert.Equal(W10, report.Rows.Single(r => r.Account == "acme-tokyo").Week);
        Assert.Equal(W09, report.Rows.Single(r => r.Account == "acme-x").Week);
    }

    [Fact]
    public void Iso_weeks_print_and_order_as_expected()
    {
        Assert.Equal("2026-W09", W09.ToString());
        Assert.True(W09 < W10);
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.Of(new DateTime(2027, 1, 1)));
    }

    private static Task<AutomationReport> Build(GuardrailHarness harness, DateTimeOffset since) =>
        new AutomationReportBuilder(harness.History, harness.Rejections, harness.Registry, harness.Clock).BuildAsync(since, TestContext.Current.CancellationToken);
}
