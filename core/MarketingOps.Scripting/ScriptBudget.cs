using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MarketingOps.Scripting;

/// <summary>The checks the compiler injects into every loop, method and lambda of a script; scripts cannot call it themselves.</summary>
/// <remarks>
/// Each run's budget flows with the run's own async context, not through a static of the script: a loaded script is
/// reused for later runs, and work a run left behind (an un-awaited async call) must still see its own, cancelled budget.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ScriptBudget
{
    private static readonly AsyncLocal<ScriptBudget?> Ambient = new();

    private readonly CancellationToken _token;

    internal ScriptBudget(CancellationToken token) => _token = token;

    /// <summary>The budget of the run this code belongs to.</summary>
    internal static ScriptBudget? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

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
