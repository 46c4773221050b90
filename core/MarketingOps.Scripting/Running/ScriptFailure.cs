using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Running;

/// <summary>An exception from a script, reduced to text and the script's own line before its load context is unloaded.</summary>
/// <param name="TypeName">The exception's full type name.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="File">The script file of the innermost script frame, if any.</param>
/// <param name="Line">That frame's line (0 when unknown).</param>
/// <param name="ScriptStack">The script's own frames, innermost first, as <c>FILE(LINE): METHOD</c>.</param>
internal sealed record ScriptFailure(string TypeName, string Message, string? File, int Line, IReadOnlyList<string> ScriptStack)
{
    private const int MaxFrames = 10;

    /// <summary>The longest message a failure carries, as for a script's value: past it the message is cut and ends in ….</summary>
    public const int MaxMessage = 64 * 1024;

    /// <summary>When <see cref="Message"/> was cut, the length of the whole message; 0 when it was not.</summary>
    public int MessageCutFrom { get; init; }

    public static ScriptFailure WithoutLocation(Exception exception, string message) => new(exception.GetType().FullName!, message, null, 0, []);

    /// <summary>Describes an exception thrown by code in <paramref name="scriptAssembly"/>; keeps no reference to the exception (it may be of a script type).</summary>
    public static ScriptFailure Describe(Exception exception, Assembly scriptAssembly, byte[] portablePdb)
    {
        using var symbols = new ScriptSymbols(portablePdb);
        var root = exception;
        while (root is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException && root.InnerException is not null)
        {
            root = root.InnerException;
        }

        var frames = new List<(string File, int Line, string Method)>();
        for (var current = root; current is not null && frames.Count == 0; current = current.InnerException)
        {
            foreach (var frame in new StackTrace(current, fNeedFileInfo: false).GetFrames())
            {
                if (frame.GetMethod() is { } method && method.Module.Assembly == scriptAssembly
                    && symbols.Find(method.MetadataToken, frame.GetILOffset()) is { } location)
                {
                    frames.Add((location.File, location.Line, MethodName(method)));
                    if (frames.Count == MaxFrames)
                    {
                        break;
                    }
                }
            }
        }

        var top = frames.Count > 0 ? frames[0] : default;

        // A 200 MB message would pass the traffic a run may send and read as the worker's death.
        var message = MessageOf(root);
        var cut = message.Length > MaxMessage;
        return new ScriptFailure(root.GetType().FullName ?? root.GetType().Name, cut ? message[..MaxMessage] + "…" : message, top.File, top.Line, frames.Select(f => $"{f.File}({f.Line}): {f.Method}").ToList())
        {
            MessageCutFrom = cut ? message.Length : 0,
        };
    }

    /// <summary>The message, and when it was cut, how long it was.</summary>
    public string MessageAsSaid()
        => MessageCutFrom > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Message} [the message is {MessageCutFrom:N0} characters long; only its first {MaxMessage:N0} are shown]")
            : Message;

    // "(Parameter 'name')" names a parameter of the host's API, which tells a marketer nothing the message does not.
    private static string MessageOf(Exception exception)
        => exception is ArgumentException { ParamName: { } name } && exception.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? exception.Message[..^$" (Parameter '{name}')".Length]
            : exception.Message;

    public ScriptDiagnostic ToDiagnostic(string fallbackFile, string id, string message)
        => new(File ?? fallbackFile, File is null ? 0 : Line, 0, IsError: true, id, message);

    // Compiler-generated names (<Initialize>d__0, <Main>b__1_0) say little to a marketer; the script body is "the script".
    private static string MethodName(MethodBase method)
    {
        var type = method.DeclaringType;
        while (type is not null && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType;
        }

        var name = method.DeclaringType?.Name is { } declaring && declaring.StartsWith('<') ? declaring : method.Name;
        var clean = name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is var end and > 1 ? name[1..end] : name;
        return clean is "Initialize" or "Factory" ? "the script" : $"{clean}()";
    }
}
