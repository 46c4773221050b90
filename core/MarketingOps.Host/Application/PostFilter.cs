using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>Which posts a caller lists: filters, a page size and the cursor of the previous page.</summary>
internal sealed record PostFilter
{
    public PostState? State { get; init; }

    public string? Account { get; init; }

    public string? ExperimentId { get; init; }

    public DateTimeOffset? DueFrom { get; init; }

    public DateTimeOffset? DueBefore { get; init; }

    public int Limit { get; init; } = 50;

    public string? Cursor { get; init; }
}
