using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>What people did towards the client's accounts (follows, mentions, replies, messages), as the automation rules need it.</summary>
public interface IAudienceHistory
{
    /// <summary>Remembers events of an account; an event already known (same id) is ignored.</summary>
    Task RecordAsync(string account, IReadOnlyList<AudienceEvent> events, CancellationToken cancellationToken);

    /// <summary>The event with this id, or <see langword="null"/>.</summary>
    Task<AudienceEvent?> FindEventAsync(string account, string eventId, CancellationToken cancellationToken);

    /// <summary>The mention or reply whose platform post id is <paramref name="postId"/>, or <see langword="null"/>.</summary>
    Task<AudienceEvent?> FindByPostAsync(string account, string postId, CancellationToken cancellationToken);

    /// <summary>Everything one person did towards an account, oldest first.</summary>
    Task<IReadOnlyList<AudienceEvent>> GetEventsFromAsync(string account, string handle, CancellationToken cancellationToken);
}
