using System.Security.Cryptography;
using System.Text.Json;
using MarketingOps.Sdk;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Core.Secrets;

/// <summary>The client folder's credentials, encrypted at rest with ASP.NET Core Data Protection.</summary>
/// <remarks>
/// Values live in <c>&lt;client&gt;/secrets/secrets.json</c>, each protected on its own; the key ring lives in
/// <c>&lt;client&gt;/secrets/keys</c>, so the folder moves with the client. Both are created owner-only (0700/0600)
/// where the OS supports it. Every read goes to the file, so another process (or instance) sees a change at once.
/// </remarks>
internal sealed class ClientSecretStore : IWritableSecretStore, IDisposable
{
    /// <summary>The Data Protection purpose: changing it would orphan every stored value.</summary>
    private const string Purpose = "MarketingOps.Secrets.v1";
    private const string ApplicationName = "MarketingOps";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly string _file;
    private readonly Lazy<(ServiceProvider Services, IDataProtector Protector)> _protection;
    private readonly Lock _gate = new();

    public ClientSecretStore(string clientFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientFolder);
        var folder = Path.Combine(clientFolder, "secrets");
        var keys = Path.Combine(folder, "keys");
        CreateOwnerOnlyDirectory(folder);
        CreateOwnerOnlyDirectory(keys);
        _file = Path.Combine(folder, "secrets.json");
        // Built on first use: most CLI commands hold the store (through the plugins) but never read a secret,
        // and Data Protection's container cost every one of them ~80 ms at start (issue 12).
        _protection = new(() => CreateProtection(keys), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where the encrypted values are kept.</summary>
    public string FilePath => _file;

    public string? GetSecret(string name)
    {
        if (SecretName.Problem(name) is not null || !Read().TryGetValue(name, out var protectedValue))
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(protectedValue);
        }
        catch (CryptographicException)
        {
            // The key ring is missing or belongs to another folder; say so without echoing anything stored.
            throw new InvalidOperationException($"The secret '{name}' cannot be decrypted with the key ring in {Path.GetDirectoryName(_file)}/keys.");
        }
    }

    /// <summary>Stores or replaces a secret.</summary>
    public void Set(string name, string value)
    {
        SecretName.ThrowIfInvalid(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            using var exclusive = CrossProcessLock();
            var all = Read();
            all[name] = Protector.Protect(value);
            Write(all);
        }
    }

    /// <summary>Deletes a secret; false when there was none.</summary>
    public bool Remove(string name)
    {
        lock (_gate)
        {
            using var exclusive = CrossProcessLock();
            var all = Read();
            if (!all.Remove(name))
            {
                return false;
            }

            Write(all);
            return true;
        }
    }

    void IWritableSecretStore.SetSecret(string name, string value) => Set(name, value);

    bool IWritableSecretStore.RemoveSecret(string name) => Remove(name);

    /// <summary>The names of every stored secret, sorted; never their values.</summary>
    public IReadOnlyList<string> ListNames() => [.. Read().Keys.Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        if (_protection.IsValueCreated)
        {
            _protection.Value.Services.Dispose();
        }
    }

    private IDataProtector Protector => _protection.Value.Protector;

    private static (ServiceProvider Services, IDataProtector Protector) CreateProtection(string keys)
    {
        // A private container: the store must work the same inside the host, a CLI command or a test.
        var services = new ServiceCollection();
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose));
    }

    private SortedDictionary<string, string> Read()
    {
        if (!File.Exists(_file))
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        var stored = JsonSerializer.Deserialize<SecretsFile>(File.ReadAllText(_file), JsonOptions)
            ?? throw new InvalidOperationException($"{_file} is empty or not a secrets file.");
        return new SortedDictionary<string, string>(stored.Secrets, StringComparer.Ordinal);
    }

    // Write a temporary file and move it over the old one, so a crash never leaves half a file.
    private void Write(SortedDictionary<string, string> all)
    {
        var temporary = _file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new SecretsFile(1, all), JsonOptions));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, _file, overwrite: true);
    }

    // The host (a plugin renewing its token) and a CLI command (`mops secrets set`) may write at the same time:
    // each read-modify-write holds secrets/.lock, so neither loses the other's change.
    private FileStream CrossProcessLock()
    {
        var path = Path.Combine(Path.GetDirectoryName(_file)!, ".lock");
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
#pragma warning disable RS0030 // Another process holds the lock file: the OS offers no event to await, and the callers are synchronous.
                Thread.Sleep(20);
#pragma warning restore RS0030
            }
        }
    }

    private static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private sealed record SecretsFile(int Version, IDictionary<string, string> Secrets);
}
