using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MarketingOps.Testing.Peers;

/// <summary>
/// A Mastodon instance's sign-in calls, for a <see cref="RecordingHttpServer"/> behind Prism: it registers the app,
/// exchanges a code only with the PKCE verifier of <see cref="Challenge"/> and the app's secret, and verifies the token.
/// </summary>
/// <param name="dataDirectory">Holds credential-application.json, token.json and credential-account.json.</param>
public sealed class MastodonOAuthInstance(string dataDirectory)
{
    /// <summary>The token that token.json hands out.</summary>
    public const string AccessToken = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0";

    /// <summary>The app's secret in credential-application.json.</summary>
    public const string ClientSecret = "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw";

    /// <summary>The code_challenge of the authorize URL the person followed. The default value is none: every exchange is refused.</summary>
    public string? Challenge { get; set; }

    /// <summary>Whether the instance refuses the token from now on. The default value is false.</summary>
    public bool Revoked { get; set; }

    public FakeResponse Answer(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Method, request.Path)
        {
            case ("POST", "/api/v1/apps"):
                return FakeResponse.Json(Load("credential-application.json"));
            case ("POST", "/oauth/token"):
                using (var body = JsonDocument.Parse(request.BodyText))
                {
                    var verifier = body.RootElement.TryGetProperty("code_verifier", out var v) ? v.GetString() : null;
                    return verifier is not null && ChallengeOf(verifier) == Challenge && body.RootElement.GetProperty("client_secret").GetString() == ClientSecret
                        ? FakeResponse.Json(Load("token.json"))
                        : FakeResponse.Json("""{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}""", 400);
                }

            case ("GET", "/api/v1/accounts/verify_credentials"):
                return !Revoked && request.Header("Authorization") == $"Bearer {AccessToken}"
                    ? FakeResponse.Json(Load("credential-account.json"))
                    : FakeResponse.Json("""{"error":"The access token is invalid"}""", 401);
            default:
                return FakeResponse.Json("""{"error":"Record not found"}""", 404);
        }
    }

    /// <summary>The S256 challenge of <paramref name="verifier"/> (RFC 7636).</summary>
    public static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string Load(string name) => File.ReadAllText(Path.Combine(dataDirectory, name));
}
