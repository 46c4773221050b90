using System.Collections;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.Workers;

/// <summary>A script's log entry on the host: the worker's formatted text, with the template and values (as text) for structured sinks.</summary>
internal sealed class ScriptLogState(LogMessage message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _pairs =
    [
        .. (message.Values ?? []).Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)),
        new("{OriginalFormat}", message.Template ?? message.Text),
    ];

    public string Text => message.Text;

    public int Count => _pairs.Count;

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Text;
}
