using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X;

internal sealed partial class XPlatform
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = Validate(request.Draft);
        if (validation.Problems.Contains(NotMeasured))
        {
            // Nothing was sent, and the text may well be valid: try again later rather than fail the post.
            return Fail(request.Account, new PlatformError(PlatformErrorKind.Transient, NotMeasured));
        }

        if (!validation.IsValid)
        {
            return Fail(request.Account, PlatformErrors.Invalid(validation));
        }

        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return Fail(request.Account, UnknownAccount(request.Account));
        }

        var mediaIds = new List<string>();
        foreach (var media in request.Draft.Media)
        {
            var (mediaId, uploadError) = await UploadMediaAsync(account, media, cancellationToken);
            if (uploadError is not null)
            {
                return Fail(request.Account, uploadError);
            }

            mediaIds.Add(mediaId!);
        }

        var body = new JsonObject { ["text"] = request.Draft.Text };
        if (request.Draft.Options.TryGetValue("reply_settings", out var replySettings))
        {
            body["reply_settings"] = replySettings;
        }

        if (request.Draft.Options.TryGetValue("quote_tweet_id", out var quote))
        {
            body["quote_tweet_id"] = quote;
        }

        // A thread part replies to the part before it (the host sets InReplyTo too, for plugins that predate threads).
        if ((request.Draft.Thread?.ParentId ?? request.Draft.InReplyTo) is { } replyTo)
        {
            body["reply"] = new JsonObject { ["in_reply_to_tweet_id"] = replyTo };
        }

        if (mediaIds.Count > 0)
        {
            body["media"] = new JsonObject { ["media_ids"] = new JsonArray([.. mediaIds.Select(id => JsonValue.Create(id))]) };
        }

        // Never retried: X has no idempotency key, so a failure after sending is reported as ambiguous and reconciled.
        var json = body.ToJsonString();
        var (response, error) = await SendAsync(account, HttpMethod.Post, "2/tweets", [], () => new StringContent(json, Encoding.UTF8, "application/json"), isWrite: true, cancellationToken);
        if (error is not null)
        {
            return Fail(request.Account, error);
        }

        if (!response!.IsSuccess)
        {
            return Fail(request.Account, XErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor, mayHaveApplied: true));
        }

        var id = ReadString(response.Body, "data", "id");
        if (id is null)
        {
            return Fail(request.Account, new PlatformError(PlatformErrorKind.Ambiguous, "X answered success without a post id."));
        }

        _logger.LogInformation("Published X post {PostId} for account {Account}", id, request.Account);
        return PublishResult.Published(new PublishedPost(id, account.UrlOf(id), _clock.GetUtcNow()));
    }

    public async Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        if (!_accounts.TryGetValue(account, out var xAccount))
        {
            return new DeleteResult(UnknownAccount(account));
        }

        var (response, error) = await SendAsync(xAccount, HttpMethod.Delete, $"2/tweets/{Uri.EscapeDataString(postId)}", [], null, isWrite: true, cancellationToken);
        if (error is not null)
        {
            return new DeleteResult(error.Kind == PlatformErrorKind.Ambiguous ? error with { Kind = PlatformErrorKind.Transient } : error);
        }

        if (response!.IsSuccess || response.Status == HttpStatusCode.NotFound)
        {
            _logger.LogInformation("Deleted X post {PostId} of account {Account}", postId, account);
            return DeleteResult.Deleted;
        }

        return new DeleteResult(XErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
    }
}
