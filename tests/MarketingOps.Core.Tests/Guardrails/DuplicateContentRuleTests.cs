using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class DuplicateContentRuleTests
{
    private const string Launch = "We just launched our new app for iOS and Android. Download it now!";

    [Fact]
    public async Task The_earlier_post_is_named_with_its_time_in_the_account_s_zone()
    {
        using var harness = new GuardrailHarness();
        var first = harness.Post(Launch, account: "acme-tokyo", at: new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero));
        await harness.SendAsync(first);

        var result = Rule(await harness.CheckAsync(harness.Post(Launch, account: "acme-tokyo")), GuardrailRuleNames.DuplicateContent);

        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains($"post {first.Id} from the same account at 2026-03-03 08:30 Asia/Tokyo", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_post_again_is_rejected_naming_the_earlier_one()
    {
        using var harness = new GuardrailHarness();
        var first = harness.Post(Launch);
        await harness.SendAsync(first);
        harness.Clock.Advance(TimeSpan.FromDays(3));

        var result = Rule(await harness.CheckAsync(harness.Post(Launch)), GuardrailRuleNames.DuplicateContent);

        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Equal(first.Id, result.Match!.MessageId);
        Assert.Equal("acme-x", result.Match.Account);
        Assert.Equal(first.At, result.Match.At);
        Assert.Equal(1.0, result.Match.Similarity);
        Assert.Contains($"post {first.Id} from the same account", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_that_differs_only_in_its_url_is_a_duplicate()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("New blog post: 5 ways to plan your content calendar https://acme.example/blog/5?utm_source=x"));
        var result = Rule(await harness.CheckAsync(harness.Post("New blog post: 5 ways to plan your content calendar https://acme.example/blog/5?utm_source=mastodon")), GuardrailRuleNames.DuplicateContent);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
    }

    [Fact]
    public async Task Link_only_posts_compare_by_their_links_without_tracking_parameters()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("https://acme.example/launch"));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Post("https://www.acme.example/launch?ref=mail")), GuardrailRuleNames.DuplicateContent).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("https://acme.example/pricing")), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task Another_account_of_the_client_on_the_same_platform_counts()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post(Launch, "acme-x2"));
        var result = Rule(await harness.CheckAsync(harness.Post(Launch)), GuardrailRuleNames.DuplicateContent);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Equal("acme-x2", result.Match!.Account);
        Assert.Contains("account 'acme-x2'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_post_on_another_platform_is_allowed()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post(Launch, "acme-sb"));
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post(Launch)), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task A_post_older_than_the_window_no_longer_counts()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post(Launch));
        harness.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post(Launch)), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task A_scheduled_future_post_counts_too()
    {
        using var harness = new GuardrailHarness();
        await harness.RecordAsync(harness.Post(Launch, at: Noon.AddDays(10)));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Post(Launch)), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Theory]
    [InlineData(MessageOrigin.Hand, GuardrailOutcome.NeedsApproval)]
    [InlineData(MessageOrigin.Inbox, GuardrailOutcome.NeedsApproval)]
    [InlineData(MessageOrigin.Unattended, GuardrailOutcome.Reject)]
    public async Task A_reworded_copy_needs_approval_unless_nobody_would_look(MessageOrigin origin, GuardrailOutcome expected)
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("Check out our latest case study on how Nova grew 3x with scheduled posts"));
        var result = Rule(await harness.CheckAsync(harness.Post("Check out our newest case study on how Nova grew 3x with scheduled posts", origin: origin)), GuardrailRuleNames.DuplicateContent);
        Assert.Equal(expected, result.Outcome);
        Assert.Contains("near-duplicate", result.Reason, StringComparison.Ordinal);
        Assert.InRange(result.Match!.Similarity!.Value, 0.6, 0.9);
    }

    [Fact]
    public async Task Cjk_copies_with_an_emoji_added_are_duplicates_and_other_cjk_posts_are_not()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("我们的新产品今天正式发布，欢迎大家试用！"));
        Assert.NotEqual(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("我们的新产品今天正式发布了，欢迎大家来试用！🎉")), GuardrailRuleNames.DuplicateContent).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("感谢大家参加昨天的线下活动，照片已经上传。")), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task Emoji_only_posts_compare_by_their_emoji()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("🎉🎉🎉"));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Post("🎉 🎉")), GuardrailRuleNames.DuplicateContent).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("☕")), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task A_copy_with_only_another_emoji_is_a_duplicate()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("Happy Friday everyone, the office closes at four today ☀️"));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Post("Happy Friday everyone, the office closes at four today 🌈")), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task A_different_post_on_the_same_topic_is_allowed()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("Join our webinar on Thursday about email marketing"));
        var result = Rule(await harness.CheckAsync(harness.Post("The recording of Thursday's email marketing webinar is now online for everyone who missed it")), GuardrailRuleNames.DuplicateContent);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
    }

    [Fact]
    public async Task Checking_a_recorded_message_again_does_not_match_itself()
    {
        using var harness = new GuardrailHarness();
        var post = harness.Post(Launch);
        await harness.SendAsync(post);
        Assert.Equal(GuardrailOutcome.Allow, (await harness.CheckAsync(post)).Outcome);
    }

    [Fact]
    public async Task Reworded_variants_of_one_experiment_are_exempt_where_the_platform_allows_it()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("Check out our latest case study on how Nova grew 3x with scheduled posts", "acme-sb") with { ExperimentId = "e1", VariantId = "a" });
        var variant = harness.Post("Check out our newest case study on how Nova grew 3x with scheduled posts", "acme-sb") with { ExperimentId = "e1", VariantId = "b" };
        var result = Rule(await harness.CheckAsync(variant), GuardrailRuleNames.DuplicateContent);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
        Assert.Contains("1 reworded variant", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_variants_are_rejected_even_where_variants_are_allowed()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post(Launch, "acme-sb") with { ExperimentId = "e1", VariantId = "a" });
        var result = Rule(await harness.CheckAsync(harness.Post(Launch + " 🚀", "acme-sb") with { ExperimentId = "e1", VariantId = "b" }), GuardrailRuleNames.DuplicateContent);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains("really different wordings", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variants_get_no_exemption_where_the_platform_forbids_it()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Post("Check out our latest case study on how Nova grew 3x with scheduled posts") with { ExperimentId = "e1", VariantId = "a" });
        var variant = harness.Post("Check out our newest case study on how Nova grew 3x with scheduled posts", origin: MessageOrigin.Unattended) with { ExperimentId = "e1", VariantId = "b" };
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(variant), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task A_reply_repeats_only_against_what_the_same_person_got()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Reply("Thanks, glad the export fix helped!", "ana"));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Reply("Thanks, glad the export fix helped!", "@Ana")), GuardrailRuleNames.DuplicateContent).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Reply("Thanks, glad the export fix helped!", "ben")), GuardrailRuleNames.DuplicateContent).Outcome);
    }

    [Fact]
    public async Task A_reply_to_a_stranger_that_repeats_a_public_post_is_compared_with_it()
    {
        using var harness = new GuardrailHarness();
        var promo = harness.Post("Spring sale: 20% off all sourdough this weekend, order at https://acme.example/shop");
        await harness.SendAsync(promo);

        var result = Rule(await harness.CheckAsync(harness.Reply("Spring sale: 20% off all sourdough this weekend! Order at https://acme.example/shop", "stranger")), GuardrailRuleNames.DuplicateContent);

        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Equal(promo.Id, result.Match!.MessageId);
        Assert.Contains($"post {promo.Id}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_that_repeats_the_accounts_reply_or_message_is_compared_with_it()
    {
        using var harness = new GuardrailHarness();
        var reply = harness.Reply("Our new oat milk latte is on the menu from Monday, come try it", "ana");
        await harness.SendAsync(reply);

        var result = Rule(await harness.CheckAsync(harness.Post("Our new oat milk latte is on the menu from Monday, come try it!")), GuardrailRuleNames.DuplicateContent);

        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Equal(reply.Id, result.Match!.MessageId);
        Assert.Contains($"reply {reply.Id}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_message_that_repeats_a_reply_to_the_same_person_is_compared_with_it()
    {
        using var harness = new GuardrailHarness();
        await harness.SendAsync(harness.Reply("Thanks, glad the export fix helped!", "ana"));

        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.DirectMessage("Thanks, glad the export fix helped!", "ana")), GuardrailRuleNames.DuplicateContent).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.DirectMessage("Thanks, glad the export fix helped!", "ben")), GuardrailRuleNames.DuplicateContent).Outcome);
    }
}
