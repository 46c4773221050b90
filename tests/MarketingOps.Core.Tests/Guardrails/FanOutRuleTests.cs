using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class FanOutRuleTests
{
    [Fact]
    public async Task Fifty_thanks_for_following_messages_only_the_first_three_pass()
    {
        using var harness = new GuardrailHarness();
        var outcomes = new List<GuardrailOutcome>();
        for (var i = 0; i < 50; i++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(5));
            var verdict = await harness.SendAsync(harness.DirectMessage("Thanks for following! 🙌", $"follower{i}", "acme-sb", MessageOrigin.Unattended));
            outcomes.Add(Rule(verdict, GuardrailRuleNames.FanOut).Outcome);
        }

        Assert.Equal([GuardrailOutcome.Allow, GuardrailOutcome.Allow, GuardrailOutcome.Allow], outcomes.Take(3));
        Assert.All(outcomes.Skip(3), o => Assert.Equal(GuardrailOutcome.Reject, o));
        Assert.Equal(47, harness.Rejections.Snapshot().Count(r => r.Rule == GuardrailRuleNames.FanOut));
    }

    [Fact]
    public async Task The_rejection_names_the_recipients_and_the_closest_earlier_message()
    {
        using var harness = new GuardrailHarness();
        var first = harness.Reply("Thanks for following!", "ana", account: "acme-sb");
        await harness.SendAsync(first);
        foreach (var name in new[] { "ben", "cy" })
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            await harness.SendAsync(harness.Reply("Thanks for following!", name, account: "acme-sb"));
        }

        var result = Rule(await harness.CheckAsync(harness.Reply("thanks for following!!", "dee", account: "acme-sb")), GuardrailRuleNames.FanOut);

        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains("@ana, @ben, @cy", result.Reason, StringComparison.Ordinal);
        Assert.Equal(first.Id, result.Match!.MessageId);
        Assert.Equal(1.0, result.Match.Similarity);
    }

    [Fact]
    public async Task The_recipients_name_is_not_personalisation()
    {
        using var harness = new GuardrailHarness();
        string[] people = ["Ana", "Ben", "Cy", "Dee"];
        var outcomes = new List<GuardrailOutcome>();
        foreach (var person in people)
        {
            var message = harness.DirectMessage($"Hi {person}, thanks for following! Let us know if you have questions.", person.ToLowerInvariant(), "acme-sb") with { RecipientName = person };
            outcomes.Add(Rule(await harness.SendAsync(message), GuardrailRuleNames.FanOut).Outcome);
        }

        Assert.Equal([GuardrailOutcome.Allow, GuardrailOutcome.Allow, GuardrailOutcome.Allow, GuardrailOutcome.Reject], outcomes);
    }

    [Fact]
    public async Task Really_personal_messages_all_pass()
    {
        using var harness = new GuardrailHarness();
        string[] texts =
        [
            "Ana, your thread on sourdough hydration was great, which flour do you use?",
            "Ben, congrats on the marathon! How did the last 10k feel?",
            "Cy, thanks for the bug report about CSV exports, a fix ships on Friday.",
            "Dee, loved the photos from Lisbon, was that the Alfama district?",
            "Eli, good question about webhooks: yes, they retry for 24 hours.",
        ];
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.SendAsync(harness.DirectMessage(text, $"p{i}", "acme-sb")), GuardrailRuleNames.FanOut).Outcome);
        }
    }

    [Fact]
    public async Task A_template_filled_only_with_names_counts_as_identical()
    {
        using var harness = new GuardrailHarness();
        var outcomes = new List<GuardrailOutcome>();
        foreach (var (name, topic) in new[] { ("Ana", "sourdough"), ("Ben", "sourdough"), ("Cy", "sourdough"), ("Dee", "sourdough") })
        {
            var template = new MessageTemplate("welcome-v1", new Dictionary<string, string> { ["name"] = name, ["topic"] = topic });
            var message = harness.DirectMessage($"Hi {name}! Saw you are into {topic}, so are we. Our {topic} guide is pinned on our profile, enjoy.", name.ToLowerInvariant(), "acme-sb") with
            {
                RecipientName = name,
                Template = template,
            };
            outcomes.Add(Rule(await harness.SendAsync(message), GuardrailRuleNames.FanOut).Outcome);
        }

        Assert.Equal([GuardrailOutcome.Allow, GuardrailOutcome.Allow, GuardrailOutcome.Allow, GuardrailOutcome.Reject], outcomes);
    }

    [Fact]
    public async Task A_template_whose_personalised_parts_differ_passes_even_when_the_texts_are_close()
    {
        using var harness = new GuardrailHarness();
        string[] topics = ["sourdough", "marathons", "lisbon", "webhooks", "gardening"];
        foreach (var (topic, i) in topics.Select((t, i) => (t, i)))
        {
            var template = new MessageTemplate("welcome-v2", new Dictionary<string, string> { ["name"] = $"P{i}", ["topic"] = topic });
            var message = harness.DirectMessage($"Hi P{i}, thanks for the follow! We post weekly tips and would love to hear what you think about {topic}.", $"p{i}", "acme-sb") with
            {
                RecipientName = $"P{i}",
                Template = template,
            };
            var result = Rule(await harness.SendAsync(message), GuardrailRuleNames.FanOut);

            // The texts are near-identical, so the text comparison still limits them, but never the template check.
            Assert.Equal(i < 3 ? GuardrailOutcome.Allow : GuardrailOutcome.Reject, result.Outcome);
            Assert.DoesNotContain("same personalised values", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_the_window_the_count_starts_again()
    {
        using var harness = new GuardrailHarness();
        for (var i = 0; i < 3; i++)
        {
            await harness.SendAsync(harness.Reply("Thanks for following!", $"early{i}", account: "acme-sb"));
        }

        harness.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Reply("Thanks for following!", "late", account: "acme-sb")), GuardrailRuleNames.FanOut).Outcome);
    }

    [Fact]
    public async Task Messages_from_the_clients_other_accounts_on_the_platform_count()
    {
        using var harness = new GuardrailHarness(o => o.FanOutLimit = 1);
        await harness.SendAsync(harness.Reply("Thanks for following!", "ana", account: "acme-x2"));
        var result = Rule(await harness.CheckAsync(harness.Reply("Thanks for following!", "ben")), GuardrailRuleNames.FanOut);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Equal("acme-x2", result.Match!.Account);
    }

    [Fact]
    public async Task Public_posts_are_not_fan_out()
    {
        using var harness = new GuardrailHarness();
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("Thanks for following!")), GuardrailRuleNames.FanOut).Outcome);
    }
}
