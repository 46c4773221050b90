using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>
/// The approval inbox for the API and dashboard. A decision names the ETag the person saw; decisions on one item are
/// taken one at a time, so two approvers clicking at once make one decision and the other gets 412.
/// </summary>
internal sealed class InboxApp(IInbox inbox, IPlatformRegistry registry)
{
    private static readonly TimeSpan ProfileTimeout = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<InboxItemView>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken) =>
        (await inbox.ListAsync(status, cancellationToken)).Select(View).ToList();

    /// <summary>One page of the list (<paramref name="skip"/>, then at most <paramref name="take"/>) and the count of all, reading only that page.</summary>
    public async Task<(int Total, IReadOnlyList<InboxItemView> Items)> PageAsync(InboxItemStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        var page = await inbox.ListPageAsync(status, skip, take, cancellationToken);
        return (page.Total, [.. page.Items.Select(View)]);
    }

    public async Task<InboxItemView> GetAsync(string id, CancellationToken cancellationToken) =>
        View(await inbox.GetAsync(InputChecks.Id(id, "id"), cancellationToken) ?? throw ApiProblemException.NotFound($"No inbox item '{id}'."));

    /// <summary>
    /// The public profile and recent public posts of the person an item is for, where the platform offers them
    /// (<see cref="IAudienceSource"/>); null when it does not, or does not answer within a few seconds.
    /// </summary>
    public async Task<PublicProfile?> PersonAsync(string id, CancellationToken cancellationToken)
    {
        var item = (await GetAsync(id, cancellationToken)).Item;
        if (item.Draft.Recipient is not { Length: > 0 } handle || registry.FindPlatform(item.Platform) is not IAudienceSource source)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProfileTimeout);
        try
        {
            return await source.GetProfileAsync(item.Account, handle.TrimStart('@'), timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Context is a courtesy: the decision never waits on a slow or failing platform.
            return null;
        }
    }

    public Task<(InboxItemView Item, bool Published)> ApproveAsync(Actor actor, string id, string? edit, int? part, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (edit is not null)
        {
            InputChecks.Text(edit, "$.edit", PostsApp.MaxTextLength);
        }

        if (part is not null && edit is null)
        {
            throw ApiProblemException.Invalid("$.part", "names the part an edit replaces; send edit with it.");
        }

        return DecideAsync(id, ifMatch, async ct =>
        {
            var result = await inbox.ApproveAsync(id, actor.By, edit, part, ct);
            return (View(result.Item), result.Published);
        }, cancellationToken);
    }

    /// <summary>Approves with any number of parts edited at once (the dashboard's form of a thread, the API's <c>edits</c>).</summary>
    public Task<(InboxItemView Item, bool Published)> ApproveAsync(Actor actor, string id, IReadOnlyList<PartEdit> edits, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(edits);
        for (var i = 0; i < edits.Count; i++)
        {
            InputChecks.Text(edits[i].Text, $"$.edits[{i}].text", PostsApp.MaxTextLength);
        }

        return DecideAsync(id, ifMatch, async ct =>
        {
            var result = await inbox.ApproveWithEditsAsync(id, actor.By, edits, ct);
            return (View(result.Item), result.Published);
        }, cancellationToken);
    }

    public async Task<InboxItemView> RejectAsync(Actor actor, string id, string reason, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        InputChecks.Text(reason, "$.reason", 2000);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw ApiProblemException.Invalid("$.reason", "a rejection needs a reason.");
        }

        var (item, _) = await DecideAsync(id, ifMatch, async ct => (View(await inbox.RejectAsync(id, actor.By, reason, ct)), false), cancellationToken);
        return item;
    }

    public static string ETagOf(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(item, HashJson));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    private static InboxItemView View(InboxItem item) => new(item, ETagOf(item));

    private async Task<(InboxItemView Item, bool Published)> DecideAsync(string id, string? ifMatch, Func<CancellationToken, Task<(InboxItemView, bool)>> decide, CancellationToken cancellationToken)
    {
        InputChecks.Id(id, "id");
        var gate = _gates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await inbox.GetAsync(id, cancellationToken) ?? throw ApiProblemException.NotFound($"No inbox item '{id}'.");
            var etag = ETagOf(current);
            if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && !string.Equals(ifMatch.Trim(), etag, StringComparison.Ordinal))
            {
                throw ApiProblemException.PreconditionFailed($"Inbox item '{id}' has changed since it was read (it is {current.Status}); read it again.", etag);
            }

            return await decide(cancellationToken);
        }
        catch (InboxException ex)
        {
            throw ex.Message.StartsWith("No inbox item", StringComparison.Ordinal) ? ApiProblemException.NotFound(ex.Message)
                : ex.Message.Contains("which part", StringComparison.Ordinal) || ex.Message.Contains("has no part", StringComparison.Ordinal) ? ApiProblemException.Invalid("$.part", ex.Message)
                : ex.Message.Contains("edited text", StringComparison.OrdinalIgnoreCase) ? ApiProblemException.Invalid("$.edit", ex.Message)
                : ApiProblemException.Conflict(ex.Message);
        }
        catch (PostRequestException ex)
        {
            throw PostProblems.From(ex);
        }
        finally
        {
            gate.Release();
        }
    }
}
