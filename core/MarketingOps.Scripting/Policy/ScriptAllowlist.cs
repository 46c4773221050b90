using System.Collections.Frozen;

namespace MarketingOps.Scripting.Policy;

/// <summary>
/// What scripts may use. Everything else is refused before the script runs. Types are named without generic arity
/// (<c>System.Func</c> covers every <c>Func&lt;…&gt;</c>); a nested type follows its containing type.
/// </summary>
internal static class ScriptAllowlist
{
    /// <summary>Namespaces whose every type is allowed (minus <see cref="DeniedTypes"/>): pure collections, text, JSON, formatting, the globals API.</summary>
    public static FrozenSet<string> Namespaces { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "System.Collections", "System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Concurrent",
        "System.Collections.Immutable", "System.Collections.Frozen", "System.Collections.Specialized",
        "System.Text", "System.Text.RegularExpressions", "System.Text.Json", "System.Text.Json.Nodes", "System.Text.Json.Serialization",
        "System.Globalization",
        "MarketingOps.Scripting");

    /// <summary>Types allowed one by one, from namespaces that also hold types that reach outside the script (System, System.Threading, …).</summary>
    public static FrozenSet<string> Types { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        // Values and text.
        "System.Object", "System.Void", "System.ValueType", "System.Enum", "System.String", "System.Char", "System.Boolean",
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64",
        "System.Int128", "System.UInt128", "System.Half", "System.Single", "System.Double", "System.Decimal",
        "System.Guid", "System.Uri", "System.UriKind", "System.UriComponents", "System.UriFormat", "System.UriPartial", "System.Version",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.CharEnumerator",
        "System.Convert", "System.Base64FormattingOptions", "System.BitConverter", "System.FormattableString", "System.HashCode",
        // Time: read it from Clock, compute with these.
        "System.DateTime", "System.DateTimeKind", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
        "System.DayOfWeek", "System.TimeZoneInfo", "System.TimeProvider",
        // Math.
        "System.Math", "System.MathF", "System.MidpointRounding", "System.Random",
        // Structures.
        "System.Nullable", "System.Tuple", "System.ValueTuple", "System.Array", "System.ArraySegment", "System.Span", "System.ReadOnlySpan",
        "System.Memory", "System.ReadOnlyMemory", "System.MemoryExtensions", "System.Index", "System.Range", "System.Lazy",
        // Interfaces and delegates.
        "System.IComparable", "System.IEquatable", "System.IFormattable", "System.IFormatProvider", "System.ISpanFormattable",
        "System.IUtf8SpanFormattable", "System.IParsable", "System.ISpanParsable", "System.IConvertible", "System.ICloneable",
        "System.IDisposable", "System.IAsyncDisposable", "System.Action", "System.Func", "System.Predicate", "System.Comparison",
        "System.Converter", "System.EventHandler", "System.EventArgs", "System.FlagsAttribute", "System.ObsoleteAttribute",
        // Exceptions a script throws or catches.
        "System.Exception", "System.SystemException", "System.ApplicationException", "System.ArgumentException",
        "System.ArgumentNullException", "System.ArgumentOutOfRangeException", "System.ArithmeticException", "System.DivideByZeroException",
        "System.OverflowException", "System.FormatException", "System.IndexOutOfRangeException", "System.InvalidCastException",
        "System.InvalidOperationException", "System.NotImplementedException", "System.NotSupportedException",
        "System.NullReferenceException", "System.ObjectDisposedException", "System.OperationCanceledException", "System.TimeoutException",
        "System.AggregateException", "System.Threading.Tasks.TaskCanceledException",
        // LINQ to objects (not PLINQ, not expression trees).
        "System.Linq.Enumerable", "System.Linq.IGrouping", "System.Linq.ILookup", "System.Linq.Lookup", "System.Linq.IOrderedEnumerable",
        // Cancellation and tasks: await, never block, never start threads.
        "System.Threading.CancellationToken", "System.Threading.CancellationTokenSource", "System.Threading.Interlocked",
        "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.TaskStatus",
        // What the compiler uses for await, foreach and interpolated strings when a script names it.
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", "System.Runtime.CompilerServices.ConfiguredTaskAwaitable",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable", "System.Runtime.CompilerServices.YieldAwaitable",
        "System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable",
        // The script's Log.
        "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.LoggerExtensions", "Microsoft.Extensions.Logging.LogLevel",
        "Microsoft.Extensions.Logging.EventId");

    /// <summary>Types refused even though their namespace is allowed.</summary>
    public static FrozenDictionary<string, string> DeniedTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Collections.Concurrent.BlockingCollection"] = "it blocks without the run's token; use ordinary collections",
        ["System.Text.Json.JsonSerializer"] = RemembersTypes,
        ["MarketingOps.Scripting.ScriptBudget"] = "it is the host's instrumentation",
        ["MarketingOps.Scripting.ScriptRecursionException"] = "it is the host's instrumentation",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Members of allowed types that are still refused, by type, then member name (<c>.ctor</c> for constructors).</summary>
    public static FrozenDictionary<string, FrozenDictionary<string, string>> DeniedMembers { get; } = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
    {
        ["System.Object"] = new() { ["GetType"] = Reflection },
        ["System.String"] = new() { ["Intern"] = ProcessWide, ["IsInterned"] = ProcessWide },
        ["System.Exception"] = new() { ["TargetSite"] = Reflection, ["GetType"] = Reflection },
        ["System.DateTime"] = new() { ["Now"] = UseClock, ["UtcNow"] = UseClock, ["Today"] = UseClock },
        ["System.DateTimeOffset"] = new() { ["Now"] = UseClock, ["UtcNow"] = UseClock },
        ["System.TimeProvider"] = new() { ["CreateTimer"] = Threads, ["System"] = UseClock },
        ["System.TimeZoneInfo"] = new() { ["ClearCachedData"] = ProcessWide },
        ["System.Array"] = new() { ["CreateInstance"] = Reflection, ["CreateInstanceFromArrayType"] = Reflection },
        ["System.Globalization.CultureInfo"] = new()
        {
            ["CurrentCulture"] = ProcessWide, ["CurrentUICulture"] = ProcessWide, ["ClearCachedData"] = ProcessWide,
            ["DefaultThreadCurrentCulture"] = ProcessWide, ["DefaultThreadCurrentUICulture"] = ProcessWide,
        },
        ["System.Text.Encoding"] = new() { ["RegisterProvider"] = ProcessWide },
        ["System.Text.RegularExpressions.Regex"] = new()
        {
            ["CacheSize"] = ProcessWide, ["CompileToAssembly"] = "it writes files",
            ["InfiniteMatchTimeout"] = "a pattern that backtracks without end would hang the run; give a real timeout",
        },
        ["System.Threading.CancellationToken"] = new()
        {
            ["Register"] = Callbacks, ["UnsafeRegister"] = Callbacks, ["WaitHandle"] = Blocking, ["None"] = UseRunToken, [".ctor"] = UseRunToken,
        },
        ["System.Threading.CancellationTokenSource"] = new() { [".ctor"] = OwnTokenSource },
        ["System.Threading.Tasks.Task"] = new()
        {
            [".ctor"] = Threads, ["Run"] = Threads, ["Factory"] = Threads, ["Start"] = Threads, ["RunSynchronously"] = Threads,
            ["ContinueWith"] = Threads, ["Wait"] = Blocking, ["WaitAll"] = Blocking, ["WaitAny"] = Blocking, ["Result"] = Blocking,
            ["GetAwaiter"] = Blocking,
        },
        ["System.Threading.Tasks.ValueTask"] = new() { ["Result"] = Blocking, ["GetAwaiter"] = Blocking },
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Why a type outside the allowlist is refused, by the longest matching prefix of its name.</summary>
    public static IReadOnlyList<(string Prefix, string Reason)> Reasons { get; } =
    [
        ("System.IO", "scripts cannot reach files"),
        ("System.Diagnostics", "scripts cannot start or inspect processes"),
        ("System.Net", "scripts cannot use the network; the globals API talks to the platforms"),
        ("System.Reflection", Reflection),
        ("System.Type", Reflection),
        ("System.RuntimeTypeHandle", Reflection),
        ("System.Activator", Reflection),
        ("System.Delegate", Reflection),
        ("System.MulticastDelegate", Reflection),
        ("System.AppDomain", "scripts cannot load code or change the process"),
        ("System.AppContext", "scripts cannot load code or change the process"),
        ("System.Runtime.Loader", "scripts cannot load code"),
        ("System.Runtime.InteropServices", "scripts cannot call native code"),
        ("System.Runtime.CompilerServices", "compiler and runtime plumbing is off limits"),
        ("System.Runtime", "runtime plumbing is off limits"),
        ("System.Environment", "scripts cannot read the environment or stop the process"),
        ("System.GC", "scripts cannot drive the garbage collector"),
        ("System.Console", "use Print(...) or Log"),
        ("System.Threading.Tasks.Parallel", Threads),
        ("System.Threading.Tasks.TaskCompletionSource", "it can leave the script waiting forever; await the globals API instead"),
        ("System.Threading", Threads),
        ("System.Linq.Parallel", Threads),
        ("System.Linq.ParallelEnumerable", Threads),
        ("System.Linq.Expressions", "expression trees compile code at run time"),
        ("System.Linq.Queryable", "expression trees compile code at run time"),
        ("System.Security", "scripts cannot use security or cryptography primitives"),
        ("System.IntPtr", "native handles are off limits"),
        ("System.UIntPtr", "native handles are off limits"),
        ("System.TypedReference", "native handles are off limits"),
        ("System.WeakReference", "the garbage collector's plumbing is off limits"),
        ("Microsoft.Win32", "scripts cannot reach the registry or the system"),
        ("MarketingOps.Scripting.Hosting", "scripts reach the host only through the globals"),
        ("MarketingOps", "scripts reach the host only through the globals"),
    ];

    private const string Reflection = "scripts cannot use reflection";
    public const string RemembersTypes = "it would remember the script's types for the life of the host; use Json.Serialize, Json.Deserialize or Json.Parse";
    private const string UseClock = "read the time from Clock (or Now), so dry runs and demos can move it";
    private const string Threads = "scripts cannot start threads or timers; use await and Delay(...)";
    private const string Blocking = "blocking waits can hang the run; use await";
    private const string Callbacks = "callbacks would outlive the script";
    private const string ProcessWide = "it changes or fills state the whole process shares, beyond the run";
    public const string OwnTokenSource = "a token source of its own is not linked to the run, which could then not stop what waits on it; use CancellationTokenSource.CreateLinkedTokenSource(CancellationToken) (and CancelAfter for a time limit)";

    public const string HeldToken = "a collection, tuple, array or nullable of CancellationToken hands out empty tokens (GetValueOrDefault, a missing element) that the run could not cancel; pass the script's CancellationToken where it is needed";

    public const string StoredToken = "starts empty until it is set, and the run could not cancel what waits on it; pass the script's CancellationToken where it is needed";

    public const string UseRunToken = "pass the script's CancellationToken, so the run can stop what it waits for";

    public const string DefaultReason = "it is not on the scripting allowlist (see docs/scripting.md, \"What scripts may use\")";
}
