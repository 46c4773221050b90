namespace MarketingOps.Core.Inbox;

/// <summary>Where an inbox item stands.</summary>
public enum InboxItemStatus
{
    /// <summary>Waiting for a person.</summary>
    Pending,

    /// <summary>A person approved it and it went to publishing.</summary>
    Approved,

    /// <summary>A person rejected it.</summary>
    Rejected,

    /// <summary>The client's policy let the workflow send it without a person; kept for the record.</summary>
    SentUnattended,
}
