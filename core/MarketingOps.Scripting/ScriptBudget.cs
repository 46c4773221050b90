using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MarketingOps.Scripting;

/// <summary>The checks the compiler injects into every loop, method and lambda of a script; scripts cannot call it themselves.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ScriptBudget
{
    private readonly CancellationToken _token;

    internal ScriptBudget(CancellationToken token) => _token = token;

    /// <summary>At the top of each loop body and before each goto: stops the script once its run is cancelled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Check()
    {
        if (_token.IsCancellationRequested)
        {
            Stop();
        }
    }

    /// <summary>At the top of each method, local function and lambda: also stops runaway recursion before the stack overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        if (_token.IsCancellationRequested)
        {
            Stop();
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ScriptRecursionException();
        }
    }

    /// <summary>Around each query-expression clause: checks, then passes the value through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pass<T>(T value)
    {
        Check();
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Stop() => throw new OperationCanceledException("The script was stopped.", _token);
}
