namespace MarketingOps.Host.Dashboard;

/// <summary>A decision on one inbox item, as its form posts it.</summary>
internal sealed class InboxForm
{
    public string? Id { get; set; }

    /// <summary>The version of the item the approver saw; a decision on any other version is refused.</summary>
    public string? ETag { get; set; }

    /// <summary>The text to send, as the approver left it (an approval of changed text is an edit, re-checked by the guardrails).</summary>
    public string? Text { get; set; }

    /// <summary>A thread's parts as the approver left them, in order (<see cref="Text"/> is unused for a thread).</summary>
    public List<string>? Parts { get; set; }

    public string? Reason { get; set; }

    /// <summary><c>approve</c> or <c>reject</c>.</summary>
    public string? Action { get; set; }
}
