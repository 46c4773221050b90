using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// The policy as <c>plugins.json</c> states it: a workflow's <c>unattended</c> kinds (<c>post</c>, <c>reply</c>, <c>dm</c>).
/// Sources are <c>plugin/workflow</c>; anything not listed, scripts included, always goes through the inbox.
/// </summary>
public sealed class UnattendedPolicy : IUnattendedPolicy
{
    private readonly Dictionary<string, HashSet<MessageKind>> _allowed = new(StringComparer.OrdinalIgnoreCase);

    public UnattendedPolicy(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (var (source, kinds) in allowed)
        {
            var set = new HashSet<MessageKind>();
            foreach (var kind in kinds)
            {
                set.Add(ParseKind(kind) ?? throw new ArgumentException($"'{kind}' is not a message kind (post, reply, dm).", nameof(allowed)));
            }

            _allowed[source] = set;
        }
    }

    /// <summary>Nothing is ever sent unattended.</summary>
    public static UnattendedPolicy None { get; } = new([]);

    /// <summary>Reads every plugin entry's <c>workflows.*.unattended</c>.</summary>
    public static UnattendedPolicy FromPlugins(IEnumerable<PluginEntry> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        return new UnattendedPolicy(plugins
            .Where(p => p.Enabled)
            .SelectMany(p => p.Workflows.Where(w => w.Value.Enabled).Select(w => KeyValuePair.Create(SourceOf(p.Id, w.Key), w.Value.Unattended))));
    }

    /// <summary>How the inbox names a workflow.</summary>
    public static string SourceOf(string pluginId, string workflowName) => $"{pluginId}/{workflowName}";

    public static MessageKind? ParseKind(string kind) => kind.ToLowerInvariant() switch
    {
        "post" => MessageKind.Post,
        "reply" => MessageKind.Reply,
        "dm" => MessageKind.DirectMessage,
        _ => null,
    };

    public bool AllowsUnattended(string source, MessageKind kind) =>
        _allowed.TryGetValue(source, out var kinds) && kinds.Contains(kind);
}
