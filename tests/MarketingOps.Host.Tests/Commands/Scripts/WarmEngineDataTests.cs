using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>
/// Issue 11: a warm worker keeps the posts it was sent and is sent only what changed; on the real post store, a post
/// scheduled or cancelled between two runs is seen by the second, which runs on the same warm worker.
/// </summary>
public sealed class WarmEngineDataTests
{
    [Fact]
    public async Task A_post_scheduled_or_cancelled_between_two_warm_runs_is_seen_by_the_second()
    {
        using var rig = new EngineScriptRig();
        var posts = rig.Services.GetRequiredService<PostService>();
        var runner = rig.Services.GetRequiredService<ScriptRunner>();
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Root, "list.csx");
        await File.WriteAllTextAsync(file, "string.Join(\",\", Posts.List().Select(p => p.Text + \":\" + p.State))", ct);
        Task<ScheduledPost> ScheduleAsync(string text, int hours) => posts.ScheduleAsync(
            new ScheduleRequest("brand", EngineScriptRig.Start.AddHours(hours).ToString("O", CultureInfo.InvariantCulture), text), ct);
        var first = await ScheduleAsync("Spring launch tomorrow", 1);
        await ScheduleAsync("Behind the scenes at the studio", 2);

        var before = await runner.RunAsync(file, new ScriptRunRequest(rig.ScriptServices(file)), ct);
        await posts.CancelAsync(first.Post.Id, ct);
        await ScheduleAsync("How Ana saves an hour a week", 3);
        var after = await runner.RunAsync(file, new ScriptRunRequest(rig.ScriptServices(file)), ct);

        Assert.Equal("Spring launch tomorrow:Scheduled,Behind the scenes at the studio:Scheduled", before.ReturnValue);
        Assert.Equal("Spring launch tomorrow:Cancelled,Behind the scenes at the studio:Scheduled,How Ana saves an hour a week:Scheduled", after.ReturnValue);
        Assert.True(after.WarmStart, "the second run was not on the warm worker");
    }
}
