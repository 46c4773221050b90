namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// The host's answer to one globals call: a plain value, or the refusal the script sees as an exception. Refusals are
/// values, not RPC errors, so the worker rethrows exactly the exception type and message the in-process API threw.
/// </summary>
internal sealed record HostReply<T>(T? Value, string? ErrorType = null, string? Error = null)
{
    public static HostReply<T> Of(T? value) => new(value);

    public static HostReply<T> Refused(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // "(Parameter 'request')" names a parameter of the host's interface, which tells a marketer nothing.
        var message = exception is ArgumentException { ParamName: { } name } && exception.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? exception.Message[..^$" (Parameter '{name}')".Length]
            : exception.Message;
        return new(default, exception.GetType().Name, message);
    }
}
