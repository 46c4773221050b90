using System.Text;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Mastodon;

internal sealed partial class MastodonPlatform
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return Fail(request.Account, UnknownAccount(request.Account));
        }

        var instance = await InstanceAsync(account, cancellationToken);
        var validation = Validate(request.Draft, instance);
        if (!validation.IsValid)
        {
            return Fail(request.Account, PlatformErrors.Invalid(validation));
        }

        var mediaIds = new List<string>();
        foreach (var media in request.Draft.Media)
        {
            var (id, mediaError) = await UploadMediaAsync(account, media, cancellationToken);
            if (mediaError is not null)
            {
                return Fail(request.Account, mediaError);
            }

            mediaIds.Add(id!);
        }

        var draft = request.Draft;
        var body = new JsonObject();
        if (draft.Text.Length > 0 || mediaIds.Count == 0)
        {
            body["status"] = draft.Text;
        }

        if (mediaIds.Count > 0)
        {
            body["media_ids"] = new JsonArray([.. mediaIds.Select(id => JsonValue.Create(id))]);
        }

        // A thread part replies to the part before it (the host sets InReplyTo too, for plugins that predate threads).
        if ((draft.Thread?.ParentId ?? draft.InReplyTo) is { } replyTo)
        {
            body["in_reply_to_id"] = replyTo;
        }

        foreach (var option in new[] { "visibility", "spoiler_text", "language" })
        {
            if (draft.Options.TryGetValue(option, out var value))
            {
                body[option] = value;
            }
        }

        if (draft.Options.TryGetValue("sensitive", out var sensitive))
        {
            body["sensitive"] = sensitive == "true";
        }

        // The host's key makes every attempt of this post within an hour one status on the instance (Mastodon keeps
        // keys for an hour, and the descriptor says so); later attempts are looked up by the host first.
        var json = body.ToJsonString();
        var (response, error) = await SendAsync(
            account,
            HttpMethod.Post,
            "api/v1/statuses",
            () => new StringContent(json, Encoding.UTF8, "application/json"),
            cancellationToken,
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey));
        if (error is not null)
        {
            return Fail(request.Account, error);
        }

        if (!response!.IsSuccess)
        {
            return Fail(request.Account, MastodonErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        var post = ReadStatus(response.Body);
        if (post is null)
        {
            // It was created, but we cannot tell which status it is: the host looks it up.
            return Fail(request.Account, new PlatformError(PlatformErrorKind.Ambiguous, "Mastodon answered success without a status id."));
        }

        _logger.LogInformation("Published Mastodon status {PostId} for account {Account}", post.Id, request.Account);
        return PublishResult.Published(post);
    }

    public async Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        if (!_accounts.TryGetValue(account, out var mastodon))
        {
            return new DeleteResult(UnknownAccount(account));
        }

        var (response, error) = await SendAsync(mastodon, HttpMethod.Delete, $"api/v1/statuses/{Uri.EscapeDataString(postId)}", null, cancellationToken);
        if (error is not null)
        {
            return new DeleteResult(error);
        }

        if (response!.IsSuccess || response.Status is 404 or 410)
        {
            _logger.LogInformation("Deleted Mastodon status {PostId} of account {Account}", postId, account);
            return DeleteResult.Deleted;
        }

        return new DeleteResult(MastodonErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
    }
}
