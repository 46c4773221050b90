namespace MarketingOps.Core.Publishing.Holds;

/// <summary>Why an account's posts wait, since when, and when the next post tries the platform again.</summary>
internal sealed record CredentialHold(string Reason, DateTimeOffset Since, DateTimeOffset NextCheck);
