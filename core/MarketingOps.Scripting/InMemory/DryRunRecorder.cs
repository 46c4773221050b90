namespace MarketingOps.Scripting.InMemory;

/// <summary>What a dry run would have done, printed as it happens and kept in order.</summary>
internal sealed class DryRunRecorder(TextWriter output)
{
    private readonly Lock _gate = new();
    private readonly List<string> _actions = [];

    public IReadOnlyList<string> Actions
    {
        get
        {
            lock (_gate)
            {
                return _actions.ToList();
            }
        }
    }

    public void Record(string action)
    {
        lock (_gate)
        {
            _actions.Add(action);
        }

        output.WriteLine("[dry run] " + action);
    }
}
