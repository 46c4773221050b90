namespace MarketingOps.Host.Dashboard;

/// <summary>The composer's fields besides the accounts (a repeated field, read from the form itself).</summary>
internal sealed class ComposeForm
{
    public string? Text { get; set; }

    /// <summary>A local time from the date-time picker, <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public string? At { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>The media library's file to attach (an upload picks its own).</summary>
    public string? MediaPick { get; set; }

    /// <summary>What the attached image or video shows, for people who cannot see it.</summary>
    public string? MediaAlt { get; set; }

    /// <summary><c>check</c> or <c>schedule</c>: which button was pressed.</summary>
    public string? Intent { get; set; }
}
