namespace MarketingOps.Sdk;

/// <summary>Kinds of audience event.</summary>
public enum AudienceEventKind
{
    /// <summary>Someone followed the account.</summary>
    Follow,

    /// <summary>Someone mentioned the account in a post.</summary>
    Mention,

    /// <summary>Someone replied to one of the account's posts.</summary>
    Reply,

    /// <summary>Someone sent the account a direct message.</summary>
    DirectMessage,
}
