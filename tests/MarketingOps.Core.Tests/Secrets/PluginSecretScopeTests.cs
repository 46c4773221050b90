using MarketingOps.Core.Plugins;
using MarketingOps.Core.Secrets;

namespace MarketingOps.Core.Tests.Secrets;

public sealed class PluginSecretScopeTests : IDisposable
{
    private readonly string _client = Path.Combine(Path.GetTempPath(), "mops-scope-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_client))
        {
            Directory.Delete(_client, recursive: true);
        }
    }

    [Fact]
    public void A_plugin_writes_under_its_own_id_reads_any_and_a_new_store_sees_the_value()
    {
        using (var store = new ClientSecretStore(_client))
        {
            store.Set("mastodon/brand/access-token", "other plugin's");
            var scope = new PluginSecretScope(store, "x");

            scope.SetSecret("x/acme/refresh-token", "rotated-2");

            Assert.Equal("other plugin's", scope.GetSecret("mastodon/brand/access-token"));
            Assert.True(scope.RemoveSecret("x/acme/refresh-token"));
            Assert.False(scope.RemoveSecret("x/acme/refresh-token"));
            scope.SetSecret("x/acme/refresh-token", "rotated-3");
        }

        using var restarted = new ClientSecretStore(_client);
        Assert.Equal("rotated-3", restarted.GetSecret("x/acme/refresh-token"));
    }

    [Theory]
    [InlineData("mastodon/brand/access-token")]
    [InlineData("xylophone/acme/token")]
    [InlineData("x")]
    public void A_plugin_cannot_write_another_plugins_secrets(string name)
    {
        using var store = new ClientSecretStore(_client);
        var scope = new PluginSecretScope(store, "x");

        var refused = Assert.Throws<ArgumentException>(() => scope.SetSecret(name, "value"));

        Assert.Contains("may only write secrets whose names start with 'x/'", refused.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListNames());
    }

    [Fact]
    public void Without_a_client_folder_a_write_says_why()
    {
        var scope = new PluginSecretScope(NoSecretStore.Instance, "x");

        var refused = Assert.Throws<InvalidOperationException>(() => scope.SetSecret("x/acme/refresh-token", "value"));

        Assert.Contains("no client folder", refused.Message, StringComparison.Ordinal);
    }
}
