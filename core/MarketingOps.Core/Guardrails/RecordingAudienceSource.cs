using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>
/// Wraps a platform's audience source so every event a workflow sees is also remembered for the automation rules
/// ("did this person message us first?"). The workflow runner hands this to workflows instead of the plugin's source.
/// </summary>
public sealed class RecordingAudienceSource(IAudienceSource inner, IAudienceHistory history) : IAudienceSource
{
    public async Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var events = await inner.GetEventsAsync(account, since, cancellationToken);
        await history.RecordAsync(account, events, cancellationToken);
        return events;
    }

    public Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken) =>
        inner.GetProfileAsync(account, handle, cancellationToken);
}
