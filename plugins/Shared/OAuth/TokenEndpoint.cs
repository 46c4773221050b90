using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MarketingOps.Plugins.Shared;

/// <summary>Calls an OAuth 2.0 token endpoint (RFC 6749 §4.1.3, §6) with a form body; every token it reads is remembered for redaction.</summary>
internal static class TokenEndpoint
{
    /// <summary>Posts the request's fields with the client's id (and secret, when it has one) in the given style.</summary>
    public static async Task<TokenAnswer> RequestAsync(
        HttpClient client,
        Uri tokenUrl,
        IReadOnlyList<KeyValuePair<string, string>> form,
        string clientId,
        string? clientSecret,
        TokenRequestStyle style,
        SecretRedactor redactor,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        redactor.Remember(clientSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        if (style == TokenRequestStyle.JsonWithSecretInBody)
        {
            var fields = form.Append(new("client_id", clientId));
            var json = new System.Text.Json.Nodes.JsonObject();
            foreach (var (key, value) in clientSecret is null ? fields : fields.Append(new("client_secret", clientSecret)))
            {
                json[key] = value;
            }

            request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else
        {
            request.Content = new FormUrlEncodedContent(form.Append(new("client_id", clientId)));
        }

        if (clientSecret is not null && style == TokenRequestStyle.FormWithBasicSecret)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        string body;
        int status;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
        {
            return new TokenAnswer { Error = $"the token endpoint {tokenUrl} {NetworkFailure.Describe(e)} ({redactor.Redact(e.Message)})" };
        }

        return Parse(status, body, redactor, clock);
    }

    private static TokenAnswer Parse(int status, string body, SecretRedactor redactor, TimeProvider clock)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var access = Text(root, "access_token");
            var refresh = Text(root, "refresh_token");
            redactor.Remember(access);
            redactor.Remember(refresh);
            if (status is >= 200 and < 300 && access is { Length: > 0 })
            {
                DateTimeOffset? expires = root.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds) ? clock.GetUtcNow().AddSeconds(seconds) : null;
                return new TokenAnswer { Status = status, AccessToken = access, RefreshToken = refresh, ExpiresAt = expires, Scope = Text(root, "scope") };
            }

            var error = Text(root, "error") ?? $"HTTP {status}";
            var description = Text(root, "error_description");
            return new TokenAnswer { Status = status, Error = redactor.Redact(description is null ? error : $"{error}: {Shorten(description)}") };
        }
        catch (JsonException)
        {
            return new TokenAnswer { Status = status, Error = $"HTTP {status} with a body that is not JSON" };
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
