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

        var handle = $"mops{Guid.NewGuid():N}"[..16] + ".test";
        var password = "main-" + Guid.NewGuid().ToString("N");
        using var created = await http.PostAsJsonAsync(new Uri(url!, "xrpc/com.atproto.server.createAccount"), new { handle, email = $"{handle}@example.test", password });
        var account = await Json(created);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url!, "xrpc/com.atproto.server.createAppPassword")) { Content = JsonContent.Create(new { name = "mops" }) };
        request.Headers.Authorization = new("Bearer", account.GetProperty("accessJwt").GetString());
        using var appPassword = await http.SendAsync(request);
        return new PdsAccount(url!, handle, account.GetProperty("did").GetString()!, (await Json(appPassword)).GetProperty("password").GetString()!, password);
    }

    /// <summary>Revokes the app password as its owner would in Bluesky's settings (signed in with the main password).</summary>
    public async Task RevokeAppPasswordAsync(HttpClient http)
    {
        using var session = await http.PostAsJsonAsync(new Uri(Pds, "xrpc/com.atproto.server.createSession"), new { identifier = Handle, password = Password });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Pds, "xrpc/com.atproto.server.revokeAppPassword")) { Content = JsonContent.Create(new { name = "mops" }) };
        request.Headers.Authorization = new("Bearer", (await Json(session)).GetProperty("accessJwt").GetString());
        using var revoked = await http.SendAsync(request);
        Assert.True(revoked.IsSuccessStatusCode, $"revokeAppPassword answered {(int)revoked.StatusCode}");
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
