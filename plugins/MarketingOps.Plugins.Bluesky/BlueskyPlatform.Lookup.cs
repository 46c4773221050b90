using System.Text.Json;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

internal sealed partial class BlueskyPlatform
{
    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return LookupResult.Unknown(UnknownAccount(request.Account).Message);
        }

        if (await EnsureSessionAsync(account, cancellationToken) is { } sessionError)
        {
            return LookupResult.Unknown(sessionError.Message);
        }

        return await GetPostAsync(account, RecordKey.FromIdempotencyKey(request.IdempotencyKey, request.FirstAttemptAt), cancellationToken);
    }

    public async Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!_accounts.TryGetValue(account, out var bluesky))
        {
            return PostUrlMatch.Refused($"account '{account}' is not a Bluesky account of this client");
        }

        var (actor, rkey, problem) = BlueskyPostUrl.Read(url);
        if (problem is not null)
        {
            return PostUrlMatch.Refused(problem);
        }

        // The at:// URI names the repository by DID, which only a session knows for certain.
        if (await EnsureSessionAsync(bluesky, cancellationToken) is { } sessionError)
        {
            return PostUrlMatch.Refused($"the account's DID could not be read to check the address ({sessionError.Message})");
        }

        var session = bluesky.Session!;
        var ours = string.Equals(actor, session.Did, StringComparison.Ordinal)
            || string.Equals(actor, session.Handle, StringComparison.OrdinalIgnoreCase)
            || string.Equals(actor, bluesky.Identifier, StringComparison.OrdinalIgnoreCase);
        return ours
            ? PostUrlMatch.Found($"at://{session.Did}/{PostCollection}/{rkey}")
            : PostUrlMatch.Refused($"it is a post of {actor}, and account '{account}' is {session.Handle} ({session.Did})");
    }

    private async Task<LookupResult> GetPostAsync(BlueskyAccount account, string rkey, CancellationToken cancellationToken)
    {
        var (response, error) = await CallAsync(
            account,
            HttpMethod.Get,
            "com.atproto.repo.getRecord",
            [new("repo", account.Session?.Did ?? ""), new("collection", PostCollection), new("rkey", rkey)],
            null,
            cancellationToken);
        if (response is { IsSuccess: true })
        {
            using var document = JsonDocument.Parse(response.Body);
            var uri = document.RootElement.GetProperty("uri").GetString()!;
            var createdAt = document.RootElement.TryGetProperty("value", out var value) && value.TryGetProperty("createdAt", out var c) && c.TryGetDateTimeOffset(out var at)
                ? at
                : _clock.GetUtcNow();
            return LookupResult.Found(new PublishedPost(uri, account.UrlOf(rkey), createdAt));
        }

        if (response is { Error: "RecordNotFound" })
        {
            return LookupResult.NotFound;
        }

        return LookupResult.Unknown((error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor)).Message);
    }
}
