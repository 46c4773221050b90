using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>`mops run` schedules the follow-up workflow: it fills the inbox, and nothing is sent until a person approves.</summary>
public sealed class RunWorkflowTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Run_fills_the_inbox_through_the_follow_up_workflow_and_sends_nothing_until_inbox_approve()
    {
        var followUp = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Workflows.FollowUp");
        Assert.True(Directory.Exists(followUp), $"build the follow-up plugin first: dotnet build plugins/MarketingOps.Workflows.FollowUp ({followUp} is missing)");
        var sandbox = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
        _home.Write("plugins.json", $$"""
            { "plugins": [
              { "id": "sandbox", "path": {{JsonSerializer.Serialize(sandbox)}}, "settings": { "seed": 7 },
                "accounts": [ { "name": "acme", "timeZone": "UTC" } ] },
              { "id": "followup", "path": {{JsonSerializer.Serialize(followUp)}},
                "workflows": { "follow-up": { "schedule": "0/2 * * * * ?" } } }
            ] }
            """);
        _home.Write("mops.json", """{ "Scheduling": { "PollInterval": "00:00:01" } }""");

        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);

        var items = await WaitForAsync(async () =>
        {
            var (_, json, _) = await Mops("inbox", "list", "--json");
            var list = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
            return list.Count > 0 ? list : null;
        });

        Assert.All(items, i => Assert.Equal("followup/follow-up", i.GetProperty("source").GetString()));
        Assert.Empty(await PostsAsync());

        var chosen = items.First(i => i.GetProperty("verdict").GetProperty("outcome").GetString() != "Reject");
        var (approved, approveOut, approveErr) = await Mops("inbox", "approve", chosen.GetProperty("id").GetString()!);
        Assert.True(approved == 0, approveOut + approveErr);

        var published = await WaitForAsync(async () =>
        {
            var posts = await PostsAsync();
            return posts.Count == 1 && posts[0].GetProperty("state").GetString() == "Published" ? posts : null;
        });

        Assert.Equal(chosen.GetProperty("text").GetString(), published[0].GetProperty("text").GetString());
        run.Interrupt();
        Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private async Task<List<JsonElement>> PostsAsync()
    {
        var (_, json, _) = await Mops("post", "list", "--json");
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"nothing after {Patience}");
    }
}
