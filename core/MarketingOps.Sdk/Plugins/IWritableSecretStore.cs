namespace MarketingOps.Sdk;

/// <summary>Secrets a plugin may also write, such as an OAuth 2.0 refresh token its server rotates; encrypted at rest and kept across restarts.</summary>
/// <remarks>The host limits writes to names under the plugin's own id (<c>x/acme/refresh-token</c> for the plugin <c>x</c>); never log a value.</remarks>
public interface IWritableSecretStore : ISecretStore
{
    /// <summary>Stores or replaces a secret of the plugin's own; it is encrypted before it reaches the disk.</summary>
    void SetSecret(string name, string value);

    /// <summary>Deletes a secret of the plugin's own; false when there was none.</summary>
    bool RemoveSecret(string name);
}
