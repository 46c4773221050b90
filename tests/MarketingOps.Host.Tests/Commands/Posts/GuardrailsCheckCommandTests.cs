using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: `mops guardrails check` takes every option `post schedule` takes and sees through small changes.</summary>
public sealed class GuardrailsCheckCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public GuardrailsCheckCommandTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private static string Tomorrow => TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd 10:00", CultureInfo.InvariantCulture);

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private async Task<JsonElement> Rule(string rule, params string[] args)
    {
        var (_, output, error) = await Mops(["guardrails", "check", "--account", "acme", "--json", .. args]);
        var results = JsonDocument.Parse(output.Length > 0 ? output : throw new Xunit.Sdk.XunitException(error)).RootElement.GetProperty("results");
        return results.EnumerateArray().Single(r => r.GetProperty("rule").GetString() == rule);
    }

    [Fact]
    public async Task A_reply_checked_with_the_post_it_answers_passes_the_platforms_rules()
    {
        var (exit, output, error) = await Mops(
            "guardrails", "check", "--account", "acme", "--kind", "reply", "--to", "ana", "--in-reply-to", "sandbox-post-1",
            "--at", Tomorrow, "--text", "Thanks Ana, the recipe is on our blog", "--json");

        Assert.True(exit == 0, output + error);
        var results = JsonDocument.Parse(output).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.NotEqual("Reject", r.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_reply_without_the_post_it_answers_is_refused_naming_the_option()
    {
        var (exit, output, error) = await Mops("guardrails", "check", "--account", "acme", "--kind", "reply", "--to", "ana", "--text", "Thanks Ana");

        Assert.NotEqual(0, exit);
        Assert.Contains("--in-reply-to", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reworded_opening_hours_post_is_seen_as_a_near_duplicate()
    {
        var (scheduled, _, error) = await Mops("post", "schedule", "--account", "acme", "--at", Tomorrow, "--text", "We're open 7am to 7pm every day this week");
        Assert.True(scheduled == 0, error);

        var duplicate = await Rule("duplicate-content", "--text", "We're open 7 am - 7 pm every day this week!");

        Assert.NotEqual("Allow", duplicate.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_reply_to_a_stranger_repeating_a_public_post_is_compared_with_it()
    {
        const string Promo = "Spring sale: 20% off all sourdough this weekend, order at https://acme.example/shop";
        var (scheduled, id, error) = await Mops("post", "schedule", "--account", "acme", "--at", Tomorrow, "--text", Promo);
        Assert.True(scheduled == 0, error);

        var duplicate = await Rule("duplicate-content", "--kind", "reply", "--to", "stranger", "--in-reply-to", "sandbox-post-9", "--text", Promo);

        Assert.Equal("Reject", duplicate.GetProperty("outcome").GetString());
        Assert.Contains(id.Trim(), duplicate.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
