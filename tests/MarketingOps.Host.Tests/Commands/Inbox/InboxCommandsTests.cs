using System.Text.Json;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Tests.Commands.Inbox;

/// <summary>`mops guardrails check`, `mops inbox …` and `mops report automation` through the real executable, on the sandbox.</summary>
public sealed class InboxCommandsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public InboxCommandsTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Guardrails_check_explains_a_duplicate_and_exits_1()
    {
        var at = TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var (scheduled, postId, error) = await Mops("post", "schedule", "--account", "acme", "--at", at, "--text", "Our spring sale starts today! 20% off everything in store.");
        Assert.True(scheduled == 0, error);

        var (exit, output, _) = await Mops("guardrails", "check", "--account", "acme", "--text", "Our SPRING sale starts today!!! 20% off everything in store 🎉", "--json");

        Assert.Equal(1, exit);
        var results = JsonDocument.Parse(output).RootElement.GetProperty("results").EnumerateArray().ToList();
        var duplicate = results.Single(r => r.GetProperty("rule").GetString() == "duplicate-content");
        Assert.Equal("Reject", duplicate.GetProperty("outcome").GetString());
        Assert.Equal(postId.Trim(), duplicate.GetProperty("match").GetProperty("messageId").GetString());

        var (fresh, _, _) = await Mops("guardrails", "check", "--account", "acme", "--text", "Something else entirely about our new coffee roaster");
        Assert.Equal(0, fresh);
    }

    [Fact]
    public async Task Inbox_lists_shows_approves_with_an_edit_and_rejects_with_a_reason()
    {
        await SeedAsync("i-approve", "Draft about the spring sale");
        await SeedAsync("i-reject", "A draft nobody wants");

        var (_, listJson, _) = await Mops("inbox", "list", "--json");
        Assert.Equal(["i-approve", "i-reject"], JsonDocument.Parse(listJson).RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var (_, shown, _) = await Mops("inbox", "show", "i-approve");
        Assert.Contains("weekly digest", shown, StringComparison.Ordinal);
        Assert.Contains("duplicate-content", shown, StringComparison.Ordinal);

        var (approved, approveOut, approveErr) = await Mops("inbox", "approve", "i-approve", "--edit", "Spring sale: 20% off all week, come by the shop");
        Assert.True(approved == 0, approveOut + approveErr);
        var (_, posts, _) = await Mops("post", "list", "--json");
        Assert.Contains("Spring sale: 20% off all week", posts, StringComparison.Ordinal);

        var (usage, _, _) = await Mops("inbox", "reject", "i-reject");
        Assert.Equal(2, usage);
        var (rejected, _, _) = await Mops("inbox", "reject", "i-reject", "--reason", "off brand");
        Assert.Equal(0, rejected);

        var (_, all, _) = await Mops("inbox", "list", "--all", "--json");
        var items = JsonDocument.Parse(all).RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("Approved", items["i-approve"].GetProperty("status").GetString());
        var decision = items["i-reject"].GetProperty("decisions").EnumerateArray().Single();
        Assert.Equal(("Rejected", Environment.UserName, "off brand"), (decision.GetProperty("action").GetString(), decision.GetProperty("by").GetString(), decision.GetProperty("reason").GetString()));

        var (again, _, againErr) = await Mops("inbox", "approve", "i-reject");
        Assert.Equal(1, again);
        Assert.Contains("is rejected", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_automation_counts_by_account_and_week()
    {
        var at = TimeProvider.System.GetUtcNow().AddSeconds(-20).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await Mops("post", "schedule", "--account", "acme", "--at", at, "--text", "Hello from the report test")).ExitCode);

        var (exit, output, error) = await Mops("report", "automation", "--json");

        Assert.True(exit == 0, error);
        var row = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal("acme", row.GetProperty("account").GetString());
        Assert.Equal(1, row.GetProperty("posts").GetProperty("hand").GetInt32());
    }

    private async Task SeedAsync(string id, string text)
    {
        var store = new SqlInboxStore(new SqlitePostStore(Path.Combine(_home.Root, "data", "mops.db"), TimeSpan.FromSeconds(5), TimeProvider.System));
        var verdict = new GuardrailVerdict(id, [new GuardrailRuleResult("duplicate-content", GuardrailOutcome.Allow, "nothing similar within 30 days")]);
        await store.AddAsync(
            new InboxItem
            {
                Id = id,
                Kind = InboxItemKind.Proposal,
                Platform = "sandbox",
                Account = "acme",
                Draft = new PostDraft(text),
                Source = "script:digest",
                Trigger = "weekly digest",
                ProposedAt = TimeProvider.System.GetUtcNow(),
                Verdict = verdict,
            },
            TestContext.Current.CancellationToken);
    }
}
