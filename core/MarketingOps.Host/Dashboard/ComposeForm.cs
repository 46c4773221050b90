namespace MarketingOps.Host.Dashboard;

/// <summary>The composer's fields besides the accounts (a repeated field, read from the form itself).</summary>
internal sealed class ComposeForm
{
    public string? Text { get; set; }

    /// <summary>A local time from the date-time picker, <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public string? At { get; set; }

    public string? TimeZone { get; set; }

    /// <summary><c>check</c> or <c>schedule</c>: which button was pressed.</summary>
    public string? Intent { get; set; }
}
