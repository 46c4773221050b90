namespace MarketingOps.Host.Application;

/// <summary>Something that happened in the host, as <c>/api/v1/events</c> streams it.</summary>
/// <param name="Type"><c>ready</c> (once, on subscribing), <c>post</c> (a state change), <c>inbox</c> (a new item) or <c>experiment</c> (a state or decision change).</param>
/// <param name="Id">The post, item or experiment.</param>
/// <param name="State">Its state when the host saw the change (a quick run of changes may show the latest state twice).</param>
/// <param name="Account">The account, where there is one.</param>
/// <param name="At">When the host saw it.</param>
internal sealed record HostEvent(string Type, string Id, string State, string? Account, DateTimeOffset At);
