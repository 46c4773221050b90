using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketingOps.Plugins.X.Text;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X;

internal sealed partial class XPlatform
{
    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return LookupResult.Unknown(UnknownAccount(request.Account).Message);
        }

        var userId = await ResolveUserIdAsync(account, cancellationToken);
        if (userId.Error is not null)
        {
            return LookupResult.Unknown(userId.Error.Message);
        }

        var since = request.FirstAttemptAt.AddMinutes(-2).ToUniversalTime();
        var (response, error) = await SendAsync(
            account,
            HttpMethod.Get,
            $"2/users/{Uri.EscapeDataString(userId.Id!)}/tweets",
            [new("max_results", "100"), new("start_time", since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), new("post.fields", "created_at")],
            null,
            isWrite: false,
            cancellationToken);
        if (error is not null || !response!.IsSuccess)
        {
            var why = error ?? XErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
            return LookupResult.Unknown(why.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var wanted = Comparable(request.Draft.Text);
            if (document.RootElement.TryGetProperty("data", out var posts) && posts.ValueKind == JsonValueKind.Array)
            {
                foreach (var post in posts.EnumerateArray())
                {
                    if (post.TryGetProperty("text", out var text) && Comparable(text.GetString() ?? "") == wanted && post.TryGetProperty("id", out var id))
                    {
                        var createdAt = post.TryGetProperty("created_at", out var c) && c.TryGetDateTimeOffset(out var at) ? at : _clock.GetUtcNow();
                        _logger.LogInformation("Reconciled X post {PostId} for account {Account}", id.GetString(), request.Account);
                        return LookupResult.Found(new PublishedPost(id.GetString()!, account.UrlOf(id.GetString()!), createdAt));
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return LookupResult.Unknown(NotMeasured);
        }

        return LookupResult.NotFound;
    }

    public Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Task.FromResult(_accounts.TryGetValue(account, out var xAccount)
            ? XPostUrl.Match(xAccount, url)
            : PostUrlMatch.Refused($"account '{account}' is not an X account of this client"));
    }

    // X returns text with links shortened to t.co and &, <, > escaped, so compare with URLs and entities neutralised.
    private static string Comparable(string text)
    {
        var decoded = TwitterTextParser.Nfc(WebUtility.HtmlDecode(text));
        var builder = new StringBuilder();
        var last = 0;
        foreach (var (start, length) in TwitterUrlExtractor.Extract(decoded))
        {
            builder.Append(decoded, last, start - last).Append("\u0001url\u0001");
            last = start + length;
        }

        builder.Append(decoded, last, decoded.Length - last);
        return WhitespacePattern().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
