namespace MarketingOps.Scripting.Tests.Support;

/// <summary>Captured output a test can wait on: <see cref="WaitForAsync"/> completes when the text has been written, with no polling and no sleeps.</summary>
public sealed class SignallingWriter : StringWriter
{
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiting = [];

    /// <summary>How many strings were written (the host writes each print message it receives as one).</summary>
    public int StringWrites { get; private set; }

    public override void Write(char value)
    {
        base.Write(value);
        Signal();
    }

    public override void Write(string? value)
    {
        StringWrites++;
        base.Write(value);
        Signal();
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Signal();
    }

    /// <summary>Completes once the output contains <paramref name="text"/>.</summary>
    public Task WaitForAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            _waiting.Add((text, seen));
        }

        Signal();
        return seen.Task;
    }

    private void Signal()
    {
        lock (_waiting)
        {
            var written = ToString();
            foreach (var waiter in _waiting.Where(w => written.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiting.Remove(waiter);
            }
        }
    }
}
