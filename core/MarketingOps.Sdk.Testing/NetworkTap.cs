using System.Collections.Concurrent;

namespace MarketingOps.Sdk.Testing;

/// <summary>
/// What the kit sees of a plugin's HTTP traffic (through every handler it gave out with
/// <c>IPluginRegistrar.CreateHttpMessageHandler</c>), and the one fault it injects next.
/// </summary>
public sealed class NetworkTap
{
    private readonly ConcurrentQueue<string> _requests = new();
    private int _armed;

    /// <summary>Every request so far, as "METHOD path".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>The fault armed now.</summary>
    public HttpFault Fault { get; private set; }

    /// <summary>The body of the answer a fault swallowed, to tell whether a later post is the same one.</summary>
    public string? SwallowedAnswer { get; internal set; }

    /// <summary>Whether the armed fault was injected.</summary>
    public bool Injected { get; internal set; }

    /// <summary>The only request the armed fault applies to, as "METHOD /path" (as in <see cref="Requests"/>); null for any.</summary>
    public string? Target { get; private set; }

    /// <summary>
    /// Injects <paramref name="fault"/> into the next write request (or the next <paramref name="target"/>, "METHOD /path");
    /// <see cref="HttpFault.Hang"/> and <see cref="HttpFault.EchoCredentials"/> apply to every request until disarmed.
    /// </summary>
    public void Arm(HttpFault fault, string? target = null)
    {
        Fault = fault;
        Target = target;
        Injected = false;
        SwallowedAnswer = null;
        Volatile.Write(ref _armed, 1);
    }

    public void Disarm() => Volatile.Write(ref _armed, 0);

    internal void Record(string request) => _requests.Enqueue(request);

    /// <summary>Whether this request gets the armed fault (a one-shot fault is used up by it).</summary>
    internal bool Takes(string request, bool isWrite)
    {
        var everyRequest = Fault is HttpFault.Hang or HttpFault.EchoCredentials;
        if (Volatile.Read(ref _armed) == 0 || (!everyRequest && (!isWrite || (Target is not null && Target != request))))
        {
            return false;
        }

        if (!everyRequest && Interlocked.Exchange(ref _armed, 0) == 0)
        {
            return false;
        }

        Injected = true;
        return true;
    }
}
