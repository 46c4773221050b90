using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Sdk;

/// <summary>What the host hands a plugin while it registers: its settings, accounts, secrets, logging and clock.</summary>
public interface IPluginRegistrar
{
    /// <summary>The plugin's own manifest.</summary>
    PluginManifest Manifest { get; }

    /// <summary>The plugin's <c>settings</c> object from <c>plugins.json</c>.</summary>
    IConfiguration Settings { get; }

    /// <summary>The client's accounts on this plugin's platform.</summary>
    IReadOnlyList<PluginAccount> Accounts { get; }

    /// <summary>Credentials, decrypted on demand; never log what this returns.</summary>
    ISecretStore Secrets { get; }

    /// <summary>The plugin's own writable secrets (names under its id), for credentials the plugin renews itself; since SDK 1.1.</summary>
    IWritableSecretStore WritableSecrets => throw new NotSupportedException("This host does not offer writable secrets (SDK 1.1 or later is needed).");

    /// <summary>Creates the innermost handler for the plugin's HTTP requests, so the host (or a test kit) sees its traffic; since SDK 1.1.</summary>
    /// <remarks>Each call returns a new handler the caller owns; wrap it in your own handlers (retries, timeouts) as usual.</remarks>
    HttpMessageHandler CreateHttpMessageHandler() => new SocketsHttpHandler();

    /// <summary>Creates loggers that write to the host's log.</summary>
    ILoggerFactory LoggerFactory { get; }

    /// <summary>The host's clock; plugins never read the system clock directly.</summary>
    TimeProvider Clock { get; }

    /// <summary>Adds a platform; a platform plugin adds exactly one.</summary>
    void AddPlatform(IPlatform platform);

    /// <summary>Adds a workflow the host schedules.</summary>
    void AddWorkflow(IWorkflow workflow);
}
