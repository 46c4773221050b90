using System.Net.Http.Json;
using System.Text.Json;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Integration.Tests.Accounts;

/// <summary>A fresh account on the real PDS with one app password, as a marketer would create it.</summary>
internal sealed record PdsAccount(Uri Pds, string Handle, string Did, string AppPassword, string Password)
{
    public static async Task<PdsAccount> CreateAsync(HttpClient http)
    {
        var (url, failure) = await PdsPeer.EnsureAsync();
        if (url is null)
        {
            PeerUnavailable.SkipOrFail(failure ?? "the Bluesky PDS did not start");
        }

        // The account as the peer creates it; the app password as a marketer makes one, signed in with the main password.
        var account = await PdsPeer.CreateAccountAsync(http, url!, "mops");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url!, "xrpc/com.atproto.server.createAppPassword")) { Content = JsonContent.Create(new { name = "mops" }) };
        request.Headers.Authorization = new("Bearer", await SignInAsync(http, url!, account.Handle, account.Password));
        using var appPassword = await http.SendAsync(request);
        return new PdsAccount(url!, account.Handle, account.Did, (await Json(appPassword)).GetProperty("password").GetString()!, account.Password);
    }

    /// <summary>Revokes the app password as its owner would in Bluesky's settings (signed in with the main password).</summary>
    public async Task RevokeAppPasswordAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Pds, "xrpc/com.atproto.server.revokeAppPassword")) { Content = JsonContent.Create(new { name = "mops" }) };
        request.Headers.Authorization = new("Bearer", await SignInAsync(http, Pds, Handle, Password));
        using var revoked = await http.SendAsync(request);
        Assert.True(revoked.IsSuccessStatusCode, $"revokeAppPassword answered {(int)revoked.StatusCode}");
    }

    private static async Task<string> SignInAsync(HttpClient http, Uri pds, string handle, string password)
    {
        using var session = await http.PostAsJsonAsync(new Uri(pds, "xrpc/com.atproto.server.createSession"), new { identifier = handle, password });
        return (await Json(session)).GetProperty("accessJwt").GetString()!;
    }

    /// <summary>The account's posts on the PDS (com.atproto.repo.listRecords).</summary>
    public async Task<IReadOnlyList<JsonElement>> PostsAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri(Pds, $"xrpc/com.atproto.repo.listRecords?repo={Did}&collection=app.bsky.feed.post"));
        return [.. (await Json(response)).GetProperty("records").EnumerateArray()];
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
