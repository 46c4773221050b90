namespace MarketingOps.Scripting.Hosting;

/// <summary>The host's posts as scripts reach them; the publishing engine implements it, guardrails included.</summary>
public interface IScriptPosts
{
    /// <summary>Creates a draft or schedules a post; throws <see cref="ArgumentException"/> with the rule's reason when a guardrail refuses it.</summary>
    ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken);

    /// <summary>Lists posts matching the query, oldest first.</summary>
    IReadOnlyList<ScriptPost> List(ScriptPostQuery query, CancellationToken cancellationToken);

    /// <summary>Finds a post by id.</summary>
    ScriptPost? Find(string id, CancellationToken cancellationToken);

    /// <summary>Cancels a draft or a scheduled post; false when it is too late or unknown.</summary>
    bool Cancel(string id, CancellationToken cancellationToken);
}
