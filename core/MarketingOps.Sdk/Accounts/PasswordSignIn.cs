namespace MarketingOps.Sdk;

/// <summary>An identifier and password the user typed to connect an account.</summary>
/// <remarks>A class, not a record, so that no generated ToString can print the password.</remarks>
public sealed class PasswordSignIn(string account, string identifier, string password)
{
    /// <summary>The account being connected.</summary>
    public string Account { get; } = account;

    /// <summary>The login (a handle, an e-mail address).</summary>
    public string Identifier { get; } = identifier;

    /// <summary>The (app) password.</summary>
    public string Password { get; } = password;

    /// <inheritdoc/>
    public override string ToString() => $"PasswordSignIn({Account}, {Identifier})";
}
