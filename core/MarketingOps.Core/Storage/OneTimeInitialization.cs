namespace MarketingOps.Core.Storage;

/// <summary>Runs an initialisation (a schema migration) once for all callers; a failed or cancelled run is tried again by the next caller rather than remembered forever.</summary>
internal sealed class OneTimeInitialization(Func<CancellationToken, Task> initialize)
{
    private readonly Lock _gate = new();
    private Task? _run;
    private volatile bool _done;

    public bool IsDone => _done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        Task run;
        lock (_gate)
        {
            if (_run is null || _run.IsFaulted || _run.IsCanceled)
            {
                // Not the caller's token: one caller giving up must not cancel the migration others wait for.
                _run = initialize(CancellationToken.None);
            }

            run = _run;
        }

        await run.WaitAsync(cancellationToken);
        _done = true;
    }
}
