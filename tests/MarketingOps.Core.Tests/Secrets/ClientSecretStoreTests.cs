using MarketingOps.Core.Secrets;

namespace MarketingOps.Core.Tests.Secrets;

public sealed class ClientSecretStoreTests : IDisposable
{
    private const string Canary = "CANARY-7f3a9c1e-secret-value-never-on-disk";
    private readonly string _client = Path.Combine(Path.GetTempPath(), "mops-secrets-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SetThenGet_RoundTrips()
    {
        using var store = new ClientSecretStore(_client);

        store.Set("x/acme/access-token", "token-123");
        store.Set("unicode/value", "pässwörd 🔑");

        Assert.Equal("token-123", store.GetSecret("x/acme/access-token"));
        Assert.Equal("pässwörd 🔑", store.GetSecret("unicode/value"));
        Assert.Null(store.GetSecret("x/acme/missing"));
    }

    [Fact]
    public void FilesOnDisk_NeverHoldThePlaintext()
    {
        using var store = new ClientSecretStore(_client);

        store.Set("bluesky/brand/app-password", Canary);

        Assert.True(File.Exists(store.FilePath));
        var everyFile = Directory.EnumerateFiles(Path.Combine(_client, "secrets"), "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(everyFile, f => f.Contains("keys", StringComparison.Ordinal)); // the key ring is in the client folder
        Assert.All(everyFile, f => Assert.DoesNotContain(Canary, File.ReadAllText(f), StringComparison.Ordinal));
        Assert.Contains("bluesky/brand/app-password", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondInstanceOnTheSameFolder_ReadsWhatTheFirstWrote()
    {
        using (var first = new ClientSecretStore(_client))
        {
            first.Set("mastodon/brand/access-token", "abc");
        }

        using var second = new ClientSecretStore(_client);

        Assert.Equal("abc", second.GetSecret("mastodon/brand/access-token"));
    }

    [Fact]
    public void AnotherClientFolder_CannotDecryptACopiedSecretsFile()
    {
        using var first = new ClientSecretStore(_client);
        first.Set("x/acme/access-token", Canary);
        var other = Path.Combine(_client, "other");
        using var stranger = new ClientSecretStore(other);
        File.Copy(first.FilePath, stranger.FilePath);

        var error = Assert.Throws<InvalidOperationException>(() => stranger.GetSecret("x/acme/access-token"));

        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListNames_ShowsNamesOnly_AndRemoveForgets()
    {
        using var store = new ClientSecretStore(_client);
        store.Set("x/b/access-token", Canary);
        store.Set("x/a/access-token", Canary);

        var before = store.ListNames();
        var removed = store.Remove("x/b/access-token");
        var removedAgain = store.Remove("x/b/access-token");

        Assert.Equal(["x/a/access-token", "x/b/access-token"], before);
        Assert.DoesNotContain(before, n => n.Contains(Canary, StringComparison.Ordinal));
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal(["x/a/access-token"], store.ListNames());
        Assert.Null(store.GetSecret("x/b/access-token"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("a//b")]
    public void Set_InvalidName_IsRefusedWithTheRule(string name)
    {
        using var store = new ClientSecretStore(_client);

        var error = Assert.Throws<ArgumentException>(() => store.Set(name, Canary));

        Assert.Contains("x/acme/access-token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsFolder_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only");
            return;
        }

        using var store = new ClientSecretStore(_client);
        store.Set("x/acme/access-token", "t");

        var folderMode = File.GetUnixFileMode(Path.Combine(_client, "secrets"));
        var fileMode = File.GetUnixFileMode(store.FilePath);

        Assert.Equal(UnixFileMode.None, folderMode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, fileMode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_client))
        {
            Directory.Delete(_client, recursive: true);
        }
    }
}
