namespace MarketingOps.Testing.Peers;

/// <summary>An account created on the PDS peer: its handle, DID and password.</summary>
public sealed record PdsAccount(string Handle, string Did, string Password);
