using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

internal sealed partial class MastodonPlatform
{
    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return LookupResult.Unknown(UnknownAccount(request.Account).Message);
        }

        if (account.AccountId is null)
        {
            var (me, meError) = await SendAsync(account, HttpMethod.Get, "api/v1/accounts/verify_credentials", null, cancellationToken);
            if (meError is not null || !me!.IsSuccess)
            {
                return LookupResult.Unknown((meError ?? MastodonErrors.FromResponse(me!.Status, me.Headers, me.Body, _clock.GetUtcNow(), _redactor)).Message);
            }

            using var meJson = JsonDocument.Parse(me.Body);
            account.AccountId = meJson.RootElement.GetProperty("id").GetString();
        }

        // Page back through the account's statuses, newest first, until one is older than the first attempt:
        // however many that is (a busy account can post more than a page between two attempts).
        var wanted = Comparable(request.Draft.Text);
        var since = request.FirstAttemptAt.AddMinutes(-2);
        string? maxId = null;
        while (true)
        {
            var page = $"api/v1/accounts/{Uri.EscapeDataString(account.AccountId!)}/statuses?limit=40&exclude_reblogs=true" + (maxId is null ? string.Empty : $"&max_id={Uri.EscapeDataString(maxId)}");
            var (response, error) = await SendAsync(account, HttpMethod.Get, page, null, cancellationToken);
            if (error is not null || !response!.IsSuccess)
            {
                return LookupResult.Unknown((error ?? MastodonErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor)).Message);
            }

            using var document = JsonDocument.Parse(response.Body);
            string? oldestId = null;
            var reachedFirstAttempt = false;
            foreach (var status in document.RootElement.EnumerateArray())
            {
                oldestId = status.TryGetProperty("id", out var id) ? id.GetString() : oldestId;
                var createdAt = status.TryGetProperty("created_at", out var c) && c.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MaxValue;
                if (createdAt < since)
                {
                    reachedFirstAttempt = true;
                    break;
                }

                var content = status.TryGetProperty("content", out var html) ? html.GetString() ?? "" : "";
                if (Comparable(PlainText(content)) == wanted && ReadStatus(status.GetRawText()) is { } post)
                {
                    return LookupResult.Found(post);
                }
            }

            if (reachedFirstAttempt || oldestId is null)
            {
                return LookupResult.NotFound;
            }

            if (oldestId == maxId)
            {
                return LookupResult.Unknown($"Mastodon returned the same page of statuses twice (max_id {maxId}); the lookup cannot page further.");
            }

            maxId = oldestId;
        }
    }

    public async Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!_accounts.TryGetValue(account, out var mastodon))
        {
            return PostUrlMatch.Refused($"account '{account}' is not a Mastodon account of this client");
        }

        var (user, id, problem) = MastodonPostUrl.Read(mastodon, url);
        if (problem is not null)
        {
            return PostUrlMatch.Refused(problem);
        }

        if (mastodon.Username is null)
        {
            var (me, _) = await SendAsync(mastodon, HttpMethod.Get, "api/v1/accounts/verify_credentials", null, cancellationToken);
            if (me is { IsSuccess: true })
            {
                using var json = JsonDocument.Parse(me.Body);
                mastodon.AccountId ??= json.RootElement.TryGetProperty("id", out var meId) ? meId.GetString() : null;
                mastodon.Username = json.RootElement.TryGetProperty("username", out var name) ? name.GetString() : null;
            }
        }

        // Without an answer from the instance the user part cannot be checked; the instance and the path still are.
        return mastodon.Username is { } own && !string.Equals(own, user, StringComparison.OrdinalIgnoreCase)
            ? PostUrlMatch.Refused($"it is a status of @{user}, and account '{account}' is @{own}")
            : PostUrlMatch.Found(id!);
    }

    private static PublishedPost? ReadStatus(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("id", out var id) || id.GetString() is not { } postId)
        {
            return null;
        }

        var url = root.TryGetProperty("url", out var u) && u.GetString() is { } link && Uri.TryCreate(link, UriKind.Absolute, out var parsed) ? parsed : null;
        var createdAt = root.TryGetProperty("created_at", out var c) && c.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MinValue;
        return new PublishedPost(postId, url, createdAt);
    }

    private static string PlainText(string html) =>
        WebUtility.HtmlDecode(TagPattern().Replace(BreakPattern().Replace(html, " "), ""));

    private static string Comparable(string text) => WhitespacePattern().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    [GeneratedRegex("<br ?/?>|</p><p>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
