using System.Globalization;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Secrets;
using MarketingOps.Core.Tests.Plugins;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Core.Tests.Secrets;

/// <summary>
/// Acceptance 3 of the plugin-kit issue: the real X plugin, loaded through the host's loader with the client folder's
/// encrypted store, refreshes its OAuth 2.0 token against a fake X that rotates refresh tokens (and refuses a spent
/// one, as X does); after a restart the plugin refreshes with the rotated token, and no token reaches a log line.
/// </summary>
public sealed class RotatedRefreshTokenTests : IDisposable
{
    private readonly PluginFolder _client = new();
    private readonly RecordingHttpServer _x = new();
    private readonly Lock _gate = new();
    private int _generation = 1;
    private int _posted;

    public RotatedRefreshTokenTests() => _x.Handler = Answer;

    public void Dispose()
    {
        _x.Dispose();
        _client.Dispose();
    }

    [Fact]
    public async Task A_rotated_refresh_token_is_stored_encrypted_survives_a_restart_and_is_never_logged()
    {
        using (var store = new ClientSecretStore(_client.Root))
        {
            store.Set("x/acme/access-token", Access(0));
            store.Set("x/acme/refresh-token", Refresh(1));
            store.Set("x/acme/client-id", "conformance-client");
        }

        WritePluginsJson();
        var logs = new CapturingLoggerFactory();

        // First run: the stored access token has expired; the plugin refreshes (refresh-1 → refresh-2) and publishes.
        Assert.Equal("1001", await PublishOnceAsync(logs, "first run"));
        using (var store = new ClientSecretStore(_client.Root))
        {
            Assert.Equal(Refresh(2), store.GetSecret("x/acme/refresh-token"));
            Assert.Equal(Access(2), store.GetSecret("x/acme/access-token"));
        }

        // The host stops; meanwhile X lets the access token expire. Second run, a new host: it must refresh with
        // refresh-2, because X refuses the spent refresh-1 (that was the token lost on restart before).
        Expire();
        Assert.Equal("1002", await PublishOnceAsync(logs, "second run"));
        var refreshes = _x.Requests.Where(r => r.Path == "/2/oauth2/token").Select(r => r.BodyText).ToList();
        Assert.Equal(2, refreshes.Count);
        Assert.Contains("refresh_token=" + Refresh(1), refreshes[0], StringComparison.Ordinal);
        Assert.Contains("refresh_token=" + Refresh(2), refreshes[1], StringComparison.Ordinal);

        var files = Directory.EnumerateFiles(Path.Combine(_client.Root, "secrets"), "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        string[] tokens = [Access(0), Access(2), Access(3), Refresh(1), Refresh(2), Refresh(3)];
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(files, f => f.Contains(token, StringComparison.Ordinal));
            CanaryResponses.AssertAbsent(token, logs.Entries);
        }

        Assert.Contains(logs.Entries, e => e.Contains("Refreshed the OAuth 2.0 token of X account acme", StringComparison.Ordinal));
    }

    private async Task<string> PublishOnceAsync(CapturingLoggerFactory logs, string text)
    {
        using var secrets = new ClientSecretStore(_client.Root);
        using var manager = new PluginManager(PluginsFileReader.Read(_client.PluginsFile), "plugins.json", new PluginActivator(secrets, logs, TimeProvider.System), NullLogger<PluginManager>.Instance, watch: false);
        Assert.Empty(manager.LoadAll());
        var platform = manager.FindPlatform("x") ?? throw new InvalidOperationException(manager.States.Single().Reason);
        var result = await platform.PublishAsync(new PublishRequest("acme", new PostDraft(text), Guid.NewGuid().ToString("N"), 1, TimeProvider.System.GetUtcNow()), TestContext.Current.CancellationToken);
        return result.Post?.Id ?? throw new InvalidOperationException(result.Error!.Message);
    }

    private void WritePluginsJson() => _client.WritePluginsJson($$"""
        {
          "plugins": [
            {
              "id": "x",
              "path": "{{RepositoryFolder.BuiltPlugin("MarketingOps.Plugins.X").Replace("\\", "/", StringComparison.Ordinal)}}",
              "settings": { "apiBaseUrl": "{{_x.BaseUrl}}", "oauth2TokenUrl": "{{_x.BaseUrl}}2/oauth2/token", "requestTimeoutSeconds": 10 },
              "accounts": [ { "name": "acme", "settings": { "handle": "acme", "userId": "2244994945", "auth": "oauth2" } } ]
            }
          ]
        }
        """);

    private static string Access(int generation) => $"access-{generation}-4f1d9c";

    private static string Refresh(int generation) => $"refresh-{generation}-8b2e7a";

    private void Expire()
    {
        lock (_gate)
        {
            _generation = -_generation; // the current access token no longer works; the refresh token still does
        }
    }

    // A fake X: one valid access token and one valid refresh token at a time; a refresh spends the refresh token.
    private FakeResponse Answer(RecordedRequest request)
    {
        lock (_gate)
        {
            var current = Math.Abs(_generation);
            if (request.Path == "/2/oauth2/token")
            {
                if (!request.BodyText.Contains("refresh_token=" + Refresh(current), StringComparison.Ordinal))
                {
                    return new FakeResponse(400, """{"error":"invalid_request","error_description":"Value passed for the token was invalid."}""");
                }

                _generation = current + 1;
                return FakeResponse.Json($$"""{"token_type":"bearer","expires_in":7200,"access_token":"{{Access(current + 1)}}","refresh_token":"{{Refresh(current + 1)}}","scope":"tweet.write users.read tweet.read offline.access"}""");
            }

            if (request.Path == "/2/tweets" && request.Method == "POST")
            {
                if (_generation < 0 || request.Header("Authorization") != "Bearer " + Access(current))
                {
                    return new FakeResponse(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""");
                }

                var id = (1000 + ++_posted).ToString(CultureInfo.InvariantCulture);
                return FakeResponse.Json($$$"""{"data":{"id":"{{{id}}}","text":"posted","edit_history_tweet_ids":["{{{id}}}"]}}""", 201);
            }

            return new FakeResponse(404, "{}");
        }
    }
}
