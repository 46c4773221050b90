using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>`mops post schedule` through the guardrails and the inbox, with the real executable on the sandbox.</summary>
public sealed class PostGuardrailCommandsTests : IDisposable
{
    private const string Sale = "Our spring sale starts today! 20% off everything in store.";

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private static string Tomorrow => TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd 10:00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_duplicate_post_is_refused_with_the_verdict_and_exit_1()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
        var (first, firstId, firstErr) = await Mops("post", "schedule", "--account", "acme", "--at", Tomorrow, "--text", Sale);
        Assert.True(first == 0, firstErr);

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Tomorrow, "--text", Sale);

        Assert.Equal(1, exit);
        Assert.Contains("duplicate-content", output, StringComparison.Ordinal);
        Assert.Contains(firstId.Trim(), output + error, StringComparison.Ordinal);
        Assert.Contains("not scheduled: refused by the guardrails", error, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_post_of_an_account_that_requires_approval_says_so_and_waits_in_the_inbox()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin", "approvalRequired": true } ]""");

        var (exit, id, error) = await Mops("post", "schedule", "--account", "acme", "--at", Tomorrow, "--text", Sale);

        Assert.True(exit == 0, error);
        Assert.Contains("PendingApproval", error, StringComparison.Ordinal);
        Assert.Contains("waits for approval", error, StringComparison.Ordinal);
        var (_, inbox, _) = await Mops("inbox", "list", "--json");
        var item = Assert.Single(JsonDocument.Parse(inbox).RootElement.EnumerateArray().ToList());
        Assert.Equal(id.Trim(), item.GetProperty("postId").GetString());

        var (approved, approveOut, approveErr) = await Mops("inbox", "approve", item.GetProperty("id").GetString()!);
        Assert.True(approved == 0, approveOut + approveErr);
        var (_, shown, _) = await Mops("post", "show", id.Trim());
        Assert.Contains("approved by", shown, StringComparison.Ordinal);
    }
}
