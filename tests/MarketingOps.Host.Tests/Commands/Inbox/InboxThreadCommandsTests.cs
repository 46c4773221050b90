using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Inbox;

/// <summary>Issue 16: a held thread is one inbox item, approved or rejected once, through the real executable.</summary>
public sealed class InboxThreadCommandsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public InboxThreadCommandsTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin", "approvalRequired": true } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private static string Day(int offset) => new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero).AddDays(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<(string Item, IReadOnlyList<string> Parts)> ScheduleThreadAsync(int day, params string[] texts)
    {
        var file = _home.Write($"thread-{day}.txt", string.Join("\n---\n", texts) + "\n");
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(day), "--thread-file", file, "--json");
        Assert.True(exit == 0, output + error);
        var parts = JsonDocument.Parse(output).RootElement.GetProperty("posts")[0].GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        var (_, list, _) = await Mops("inbox", "list", "--json");
        var item = Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray());
        return (item.GetProperty("id").GetString()!, parts);
    }

    private async Task<List<(string State, string Text)>> ThreadAsync(string postId)
    {
        var (_, shown, _) = await Mops("post", "show", postId, "--json");
        return [.. JsonDocument.Parse(shown).RootElement.GetProperty("thread").EnumerateArray().Select(p => (p.GetProperty("state").GetString()!, p.GetProperty("text").GetString()!))];
    }

    [Fact]
    public async Task A_held_thread_is_one_item_showing_every_part_and_one_approval_releases_them_all_with_the_named_part_edited()
    {
        var (item, parts) = await ScheduleThreadAsync(1, "Part one: the new roaster is here.", "Part two: it roasts 5 kg an hour.", "Part three: come taste on Friday.");

        // One item, with the three parts in order, each on its own post.
        var (_, list, _) = await Mops("inbox", "list", "--json");
        var listed = JsonDocument.Parse(list).RootElement[0];
        Assert.Equal([1, 2, 3], listed.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("part").GetInt32()));
        Assert.Equal(parts, listed.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("postId").GetString()!));
        var (_, table, _) = await Mops("inbox", "list");
        Assert.Contains("thread of 3 parts", table, StringComparison.Ordinal);
        var (_, shown, _) = await Mops("inbox", "show", item);
        Assert.True(shown.IndexOf("Part one", StringComparison.Ordinal) < shown.IndexOf("Part two", StringComparison.Ordinal)
            && shown.IndexOf("Part two", StringComparison.Ordinal) < shown.IndexOf("Part three", StringComparison.Ordinal), shown);
        Assert.Contains("Part 3 of 3", shown, StringComparison.Ordinal);

        // An edit that does not say which part it replaces is refused, and nothing moves.
        var (unnamed, _, why) = await Mops("inbox", "approve", item, "--edit", "Part two: it roasts 6 kg an hour.");
        Assert.Equal(1, unnamed);
        Assert.Contains("thread of 3 parts", why, StringComparison.Ordinal);
        Assert.Contains("which part", why, StringComparison.Ordinal);
        var (outside, _, whyOutside) = await Mops("inbox", "approve", item, "--part", "4", "--edit", "Part four");
        Assert.Equal(1, outside);
        Assert.Contains("no part 4", whyOutside, StringComparison.Ordinal);
        Assert.All(await ThreadAsync(parts[0]), p => Assert.Equal("PendingApproval", p.State));

        var (approved, said, approveErr) = await Mops("inbox", "approve", item, "--part", "2", "--edit", "Part two: it roasts 6 kg an hour.");
        Assert.True(approved == 0, said + approveErr);
        Assert.Contains("thread of 3 parts", said, StringComparison.Ordinal);
        Assert.Equal(
            [("Scheduled", "Part one: the new roaster is here."), ("Scheduled", "Part two: it roasts 6 kg an hour."), ("Scheduled", "Part three: come taste on Friday.")],
            await ThreadAsync(parts[2]));
        var (_, pending, _) = await Mops("inbox", "list", "--json");
        Assert.Empty(JsonDocument.Parse(pending).RootElement.EnumerateArray());
        var (_, all, _) = await Mops("inbox", "list", "--all", "--json");
        var decision = JsonDocument.Parse(all).RootElement[0].GetProperty("decisions").EnumerateArray().Single();
        Assert.Equal(("Approved", 2), (decision.GetProperty("action").GetString(), decision.GetProperty("editedPart").GetInt32()));
    }

    [Fact]
    public async Task Rejecting_a_held_thread_once_cancels_every_part()
    {
        var (item, parts) = await ScheduleThreadAsync(2, "Sale day one", "Sale day two", "Sale day three");

        var (rejected, output, error) = await Mops("inbox", "reject", item, "--reason", "no sale this spring");

        Assert.True(rejected == 0, output + error);
        Assert.All(await ThreadAsync(parts[1]), p => Assert.Equal("Cancelled", p.State));
        var (_, pending, _) = await Mops("inbox", "list", "--json");
        Assert.Empty(JsonDocument.Parse(pending).RootElement.EnumerateArray());
    }
}
