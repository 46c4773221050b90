using System.Runtime.CompilerServices;

namespace MarketingOps.Core.Guardrails;

/// <summary>A message history held in memory, for tests and the demo; lost when the process ends.</summary>
public sealed class InMemoryMessageHistory : IMessageHistory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OutgoingMessage> _messages = new(StringComparer.Ordinal);

    /// <summary>Adds a message, or replaces the one with the same id.</summary>
    public void Add(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            _messages[message.Id] = message;
        }
    }

    public bool Remove(string messageId)
    {
        lock (_lock)
        {
            return _messages.Remove(messageId);
        }
    }

    public async IAsyncEnumerable<OutgoingMessage> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<OutgoingMessage> snapshot;
        lock (_lock)
        {
            snapshot = [.. _messages.Values.Where(m => m.At >= since).OrderBy(m => m.At)];
        }

        foreach (var message in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return message;
        }

        await Task.CompletedTask;
    }
}
