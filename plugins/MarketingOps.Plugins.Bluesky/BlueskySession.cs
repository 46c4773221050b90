using System.Text.Json;
using MarketingOps.Plugins.Shared;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>A logged-in session: the account's DID and handle with its access and refresh tokens.</summary>
/// <remarks>A class, not a record, so that no generated ToString can ever print a token.</remarks>
internal sealed class BlueskySession(string did, string handle, string accessJwt, string refreshJwt)
{
    public string Did { get; } = did;

    public string Handle { get; } = handle;

    public string AccessJwt { get; } = accessJwt;

    public string RefreshJwt { get; } = refreshJwt;

    public override string ToString() => $"BlueskySession({Did})";

    /// <summary>Reads a createSession or refreshSession answer; null when it holds no session. The tokens are remembered for redaction.</summary>
    public static BlueskySession? Parse(string body, SecretRedactor redactor)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("did", out var did) || !root.TryGetProperty("accessJwt", out var access) || !root.TryGetProperty("refreshJwt", out var refresh))
        {
            return null;
        }

        redactor.Remember(access.GetString());
        redactor.Remember(refresh.GetString());
        var handle = root.TryGetProperty("handle", out var h) ? h.GetString() ?? "" : "";
        return new BlueskySession(did.GetString()!, handle, access.GetString()!, refresh.GetString()!);
    }
}
