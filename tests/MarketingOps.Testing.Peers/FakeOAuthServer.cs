using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace MarketingOps.Testing.Peers;

/// <summary>
/// A small OAuth 2.0 authorization server on loopback, strict where real ones are: the authorize endpoint approves at
/// once (a user who clicks "Authorize") and redirects with a one-time code; the token endpoint checks the PKCE verifier
/// against the S256 challenge (RFC 7636 §4.6), the redirect URI and the client, and rotates refresh tokens as X does:
/// a refresh token works once, and reusing it is <c>invalid_grant</c>. <c>GET /2/users/me</c> answers for a live access token.
/// </summary>
public sealed class FakeOAuthServer : IDisposable
{
    private readonly RecordingHttpServer _server = new();
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _refusals = new();
    private int _refreshes;

    public FakeOAuthServer(string clientId, string username = "acme_brand")
    {
        ClientId = clientId;
        Username = username;
        _server.Handler = Answer;
    }

    public string ClientId { get; }

    public string Username { get; }

    public Uri BaseUrl => _server.BaseUrl;

    public Uri AuthorizeUrl => new(BaseUrl, "i/oauth2/authorize");

    public Uri TokenUrl => new(BaseUrl, "2/oauth2/token");

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Why the token endpoint refused, oldest first (a wrong verifier, a reused refresh token, …).</summary>
    public IReadOnlyList<string> Refusals => [.. _refusals];

    /// <summary>How many refresh grants succeeded.</summary>
    public int Refreshes => _refreshes;

    /// <summary>Every access token issued so far stops working (as when it expires); refresh tokens still work.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>The user revoked the app: no token works any more.</summary>
    public void RevokeAll()
    {
        _accessTokens.Clear();
        _refreshTokens.Clear();
    }

    /// <summary>Whether a token is a live access token.</summary>
    public bool IsLiveAccessToken(string token) => _accessTokens.ContainsKey(token);

    public void Dispose() => _server.Dispose();

    private FakeResponse Answer(RecordedRequest request) => (request.Method, request.Path) switch
    {
        ("GET", "/i/oauth2/authorize") => Authorize(HttpUtility.ParseQueryString(request.Query)),
        ("POST", "/2/oauth2/token") => Token(HttpUtility.ParseQueryString(request.BodyText), request.Header("Authorization")),
        ("GET", "/2/users/me") => request.Header("Authorization") is { } bearer && bearer.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.ContainsKey(bearer["Bearer ".Length..])
            ? FakeResponse.Json($$$"""{"data":{"id":"2244994945","name":"Acme","username":"{{{Username}}}"}}""")
            : FakeResponse.Json("""{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", 401),
        _ => new FakeResponse(404, "{}"),
    };

    private FakeResponse Authorize(System.Collections.Specialized.NameValueCollection query)
    {
        var redirect = query["redirect_uri"];
        if (query["response_type"] != "code" || query["client_id"] != ClientId || redirect is null || query["code_challenge_method"] != "S256" || query["code_challenge"] is not { Length: 43 } challenge)
        {
            return FakeResponse.Json("""{"error":"invalid_request"}""", 400);
        }

        var code = Random();
        _codes[code] = new Grant(challenge, redirect, query["scope"] ?? "");
        var location = $"{redirect}{(redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"] ?? "")}";
        return new FakeResponse(302) { Headers = new Dictionary<string, string> { ["Location"] = location } };
    }

    private FakeResponse Token(System.Collections.Specialized.NameValueCollection form, string? authorization)
    {
        if (form["client_id"] != ClientId && !(authorization?.StartsWith("Basic ", StringComparison.Ordinal) ?? false))
        {
            return Refuse("invalid_client", "unknown client");
        }

        switch (form["grant_type"])
        {
            case "authorization_code":
                if (form["code"] is not { } code || !_codes.TryRemove(code, out var grant))
                {
                    return Refuse("invalid_grant", "unknown or used authorization code");
                }

                if (form["redirect_uri"] != grant.RedirectUri)
                {
                    return Refuse("invalid_grant", "redirect_uri differs from the authorization request");
                }

                if (form["code_verifier"] is not { } verifier || Challenge(verifier) != grant.Challenge)
                {
                    return Refuse("invalid_grant", "PKCE verification failed: the code_verifier does not match the code_challenge");
                }

                return Issue(grant.Scope);

            case "refresh_token":
                if (form["refresh_token"] is not { } refresh || !_refreshTokens.TryRemove(refresh, out var scope))
                {
                    return Refuse("invalid_grant", "Value passed for the token was invalid.");
                }

                Interlocked.Increment(ref _refreshes);
                return Issue(scope);

            default:
                return Refuse("unsupported_grant_type", form["grant_type"] ?? "none");
        }
    }

    private FakeResponse Issue(string scope)
    {
        var access = Random();
        var refresh = Random();
        _accessTokens[access] = scope;
        _refreshTokens[refresh] = scope;
        return FakeResponse.Json($$"""{"token_type":"bearer","expires_in":7200,"access_token":"{{access}}","scope":"{{scope}}","refresh_token":"{{refresh}}"}""");
    }

    private FakeResponse Refuse(string error, string description)
    {
        _refusals.Enqueue($"{error}: {description}");
        return FakeResponse.Json($$"""{"error":"{{error}}","error_description":"{{description}}"}""", 400);
    }

    private static string Challenge(string verifier) => Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    private sealed record Grant(string Challenge, string RedirectUri, string Scope);
}
