using System.Globalization;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Bluesky.RichText;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Bluesky;

internal sealed partial class BlueskyPlatform
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = Validate(request.Draft);
        if (!validation.IsValid)
        {
            return Fail(request.Account, PlatformErrors.Invalid(validation));
        }

        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return Fail(request.Account, UnknownAccount(request.Account));
        }

        var sessionError = await EnsureSessionAsync(account, cancellationToken);
        if (sessionError is not null)
        {
            return Fail(request.Account, sessionError);
        }

        var rkey = RecordKey.FromIdempotencyKey(request.IdempotencyKey, request.FirstAttemptAt);
        var (record, recordError) = await BuildRecordAsync(account, request.Draft, cancellationToken);
        if (recordError is not null)
        {
            return Fail(request.Account, recordError);
        }

        var body = new JsonObject
        {
            ["repo"] = account.Session!.Did,
            ["collection"] = PostCollection,
            ["rkey"] = rkey,
            ["record"] = record,
        };
        var (response, error) = await CallAsync(account, HttpMethod.Post, "com.atproto.repo.createRecord", [], body, cancellationToken);
        if (response is { IsSuccess: true })
        {
            var uri = ReadString(response.Body, "uri") ?? $"at://{account.Session.Did}/{PostCollection}/{rkey}";
            _logger.LogInformation("Published Bluesky post {PostUri} for account {Account}", uri, request.Account);
            return PublishResult.Published(new PublishedPost(uri, account.UrlOf(rkey), _clock.GetUtcNow()));
        }

        var failure = error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
        if (failure.Kind == PlatformErrorKind.Transient)
        {
            // The PDS answers 500 when the record key exists: an earlier attempt of this post got through.
            var existing = await GetPostAsync(account, rkey, cancellationToken);
            if (existing.Status == LookupStatus.Found)
            {
                _logger.LogInformation("Bluesky post {PostUri} of account {Account} already existed; not created twice", existing.Post!.Id, request.Account);
                return PublishResult.Published(existing.Post);
            }
        }

        return Fail(request.Account, failure);
    }

    public async Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        if (!_accounts.TryGetValue(account, out var bluesky))
        {
            return new DeleteResult(UnknownAccount(account));
        }

        if (AtUri.TryParse(postId) is not { } uri)
        {
            return new DeleteResult(new PlatformError(PlatformErrorKind.Rejected, $"'{postId}' is not an at:// post URI.") { Code = "invalid" });
        }

        if (await EnsureSessionAsync(bluesky, cancellationToken) is { } sessionError)
        {
            return new DeleteResult(sessionError);
        }

        var body = new JsonObject { ["repo"] = bluesky.Session!.Did, ["collection"] = uri.Collection, ["rkey"] = uri.RecordKey };
        var (response, error) = await CallAsync(bluesky, HttpMethod.Post, "com.atproto.repo.deleteRecord", [], body, cancellationToken);
        if (response is { IsSuccess: true })
        {
            _logger.LogInformation("Deleted Bluesky post {PostUri} of account {Account}", postId, account);
            return DeleteResult.Deleted;
        }

        return new DeleteResult(error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
    }

    private async Task<(JsonObject? Record, PlatformError? Error)> BuildRecordAsync(BlueskyAccount account, PostDraft draft, CancellationToken cancellationToken)
    {
        var record = new JsonObject
        {
            ["$type"] = PostCollection,
            ["text"] = draft.Text,
            ["createdAt"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };

        var facets = new JsonArray();
        foreach (var candidate in FacetDetector.Detect(draft.Text))
        {
            JsonObject? feature = candidate.Kind switch
            {
                FacetKind.Link => new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = candidate.Value },
                FacetKind.Tag => new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = candidate.Value },
                _ => await ResolveHandleAsync(account, candidate.Value, cancellationToken) is { } did
                    ? new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = did }
                    : null, // an unknown handle stays plain text
            };
            if (feature is not null)
            {
                facets.Add(new JsonObject
                {
                    ["index"] = new JsonObject { ["byteStart"] = candidate.ByteStart, ["byteEnd"] = candidate.ByteEnd },
                    ["features"] = new JsonArray(feature),
                });
            }
        }

        if (facets.Count > 0)
        {
            record["facets"] = facets;
        }

        if (draft.Options.TryGetValue("langs", out var langs))
        {
            record["langs"] = new JsonArray([.. BlueskyLanguages.Tags(langs).Select(l => JsonValue.Create(l))]);
        }

        // A thread part replies to the part before it; root and parent are strong references (uri and cid) read from
        // the parent's record, whose own root is the thread's first part.
        if ((draft.Thread?.ParentId ?? draft.InReplyTo) is { } parentUri)
        {
            var (reply, replyError) = await ReplyRefAsync(account, parentUri, cancellationToken);
            if (replyError is not null)
            {
                return (null, replyError);
            }

            record["reply"] = reply;
        }

        if (draft.Media.Count > 0)
        {
            var images = new JsonArray();
            foreach (var media in draft.Media)
            {
                var (blob, blobError) = await UploadBlobAsync(account, media, cancellationToken);
                if (blobError is not null)
                {
                    return (null, blobError);
                }

                images.Add(new JsonObject { ["image"] = blob, ["alt"] = media.AltText ?? "" });
            }

            record["embed"] = new JsonObject { ["$type"] = "app.bsky.embed.images", ["images"] = images };
        }

        return (record, null);
    }

    private async Task<string?> ResolveHandleAsync(BlueskyAccount account, string handle, CancellationToken cancellationToken)
    {
        var (response, _) = await CallAsync(account, HttpMethod.Get, "com.atproto.identity.resolveHandle", [new("handle", handle)], null, cancellationToken);
        return response is { IsSuccess: true } ? ReadString(response.Body, "did") : null;
    }

    private async Task<(JsonObject? Reply, PlatformError? Error)> ReplyRefAsync(BlueskyAccount account, string parentUri, CancellationToken cancellationToken)
    {
        var parent = AtUri.TryParse(parentUri)!;
        var (response, error) = await CallAsync(
            account,
            HttpMethod.Get,
            "com.atproto.repo.getRecord",
            [new("repo", parent.Repo), new("collection", parent.Collection), new("rkey", parent.RecordKey)],
            null,
            cancellationToken);
        if (response is not { IsSuccess: true })
        {
            return (null, error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        var parentRecord = JsonNode.Parse(response.Body)!;
        var parentRef = new JsonObject { ["uri"] = parentRecord["uri"]!.GetValue<string>(), ["cid"] = parentRecord["cid"]!.GetValue<string>() };
        var root = parentRecord["value"]?["reply"]?["root"]?.DeepClone() ?? parentRef.DeepClone();
        return (new JsonObject { ["root"] = root, ["parent"] = parentRef }, null);
    }
}
