namespace MarketingOps.Sdk;

/// <summary>Reads the client's encrypted credentials by name (for example <c>x/acme/access-token</c>).</summary>
public interface ISecretStore
{
    /// <summary>Returns the decrypted value, or <see langword="null"/> when no such secret is stored.</summary>
    string? GetSecret(string name);
}
