using System.Net.Http.Json;
using System.Text.Json;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>The real PDS, with two fresh accounts: the one that posts and one to mention.</summary>
public sealed class PdsFixture : IAsyncLifetime
{
    public Uri? Url { get; private set; }

    public string? Failure { get; private set; }

    public TestAccount Poster { get; private set; } = null!;

    public TestAccount Friend { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Require()
    {
        if (Url is null)
        {
            PeerUnavailable.SkipOrFail(Failure ?? "the Bluesky PDS did not start");
        }

        return Url!;
    }

    public async ValueTask InitializeAsync()
    {
        (Url, Failure) = await PdsPeer.EnsureAsync();
        if (Url is null)
        {
            return;
        }

        try
        {
            Poster = await CreateAccountAsync("poster");
            Friend = await CreateAccountAsync("friend");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException)
        {
            (Url, Failure) = (null, $"could not create test accounts on the PDS: {e.Message}");
        }
    }

    /// <summary>Reads a record back with com.atproto.repo.getRecord; null when it does not exist.</summary>
    public async Task<JsonElement?> GetRecordAsync(string atUri)
    {
        var parts = atUri["at://".Length..].Split('/');
        using var response = await Http.GetAsync(new Uri(Url!, $"xrpc/com.atproto.repo.getRecord?repo={parts[0]}&collection={parts[1]}&rkey={parts[2]}"));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Every post in a repository (com.atproto.repo.listRecords).</summary>
    public async Task<IReadOnlyList<JsonElement>> ListPostsAsync(string did)
    {
        using var response = await Http.GetAsync(new Uri(Url!, $"xrpc/com.atproto.repo.listRecords?repo={did}&collection=app.bsky.feed.post&limit=100"));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("records").EnumerateArray().Select(r => r.Clone())];
    }

    /// <summary>Creates an app password for an account (com.atproto.server.createAppPassword) and returns it.</summary>
    public async Task<string> CreateAppPasswordAsync(TestAccount account, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url!, "xrpc/com.atproto.server.createAppPassword")) { Content = JsonContent.Create(new { name }) };
        request.Headers.Authorization = new("Bearer", await MainSessionTokenAsync(account));
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"createAppPassword answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("password").GetString()!;
    }

    /// <summary>Revokes an account's app password by name (com.atproto.server.revokeAppPassword).</summary>
    public async Task RevokeAppPasswordAsync(TestAccount account, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url!, "xrpc/com.atproto.server.revokeAppPassword")) { Content = JsonContent.Create(new { name }) };
        request.Headers.Authorization = new("Bearer", await MainSessionTokenAsync(account));
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"revokeAppPassword answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> MainSessionTokenAsync(TestAccount account)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Url!, "xrpc/com.atproto.server.createSession"), new { identifier = account.Handle, password = account.Password });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("accessJwt").GetString()!;
    }

    private async Task<TestAccount> CreateAccountAsync(string prefix)
    {
        var account = await PdsPeer.CreateAccountAsync(Http, Url!, prefix);
        return new TestAccount(account.Handle, account.Did, account.Password);
    }
}
