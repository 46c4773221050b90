using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MarketingOps.Scripting;

/// <summary>The checks the compiler injects into every loop, method and lambda of a script; scripts cannot call it themselves.</summary>
/// <remarks>
/// Each run's budget flows with the run's own async context, not through a static of the script: a loaded script is
/// reused for later runs, and work a run left behind (an un-awaited async call) must still see its own, cancelled budget.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class ScriptBudget
{
    private static readonly AsyncLocal<ScriptBudget?> Ambient = new();

    // Where At writes: a word of its own until the worker points it at a file the host reads after the worker died.
    private static unsafe int* s_position = (int*)NativeMemory.AllocZeroed(sizeof(int));

    private readonly CancellationToken _token;

    internal ScriptBudget(CancellationToken token) => _token = token;

    /// <summary>The budget of the run this code belongs to.</summary>
    internal static ScriptBudget? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>
    /// Before each statement: the file (its index among the script's sources) and line it starts, for the host to
    /// name the line a worker died at (a stack overflow prints no line). One store to memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void At(int position) => *s_position = position;

    /// <summary>Packs a source index and a line into one <see cref="At"/> position.</summary>
    internal static int Position(int fileIndex, int line) => (fileIndex << 20) | (line & 0xFFFFF);

    /// <summary>The source index and line of a position; null for none.</summary>
    internal static (int FileIndex, int Line)? Unpack(int position) => position == 0 ? null : (position >> 20, position & 0xFFFFF);

    /// <summary>Points <see cref="At"/> at memory that outlives the process (a mapped file); the worker calls it once at start.</summary>
    internal static unsafe void TrackPositionsIn(int* position) => s_position = position;

    /// <summary>At the top of each loop body and before each goto: stops the script once its run is cancelled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        if (Ambient.Value is not { _token.IsCancellationRequested: false })
        {
            Stop();
        }
    }

    /// <summary>At the top of each method, local function and lambda: also stops runaway recursion before the stack overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        Check();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ScriptRecursionException();
        }
    }

    /// <summary>
    /// First in each field initializer and constructor initializer (<c>Entered() ? value : default</c>): they run before
    /// any constructor body, so a constructor that recurses through them is stopped like any other recursion.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Entered()
    {
        Enter();
        return true;
    }

    /// <summary>Around each query-expression clause: checks, then passes the value through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Pass<T>(T value)
    {
        Check();
        return value;
    }

    // Outside any run (a script object formatted by the host after its run ended) there is no budget: stop as well.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Stop()
        => throw new OperationCanceledException("The script was stopped.", Ambient.Value?._token ?? new CancellationToken(canceled: true));
}
