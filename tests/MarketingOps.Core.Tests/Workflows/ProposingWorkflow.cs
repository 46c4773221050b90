using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Workflows;

/// <summary>A workflow that proposes one post per run to every account, and remembers what each run saw.</summary>
internal sealed class ProposingWorkflow(string name = "digest", string schedule = "0 0 9 * * ?") : IWorkflow
{
    private int _runs;
    private int _running;

    public string Name => name;

    public string DefaultSchedule => schedule;

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>True when two runs ever overlapped.</summary>
    public bool Overlapped { get; private set; }

    public List<(DateTimeOffset ScheduledAt, DateTimeOffset? PreviousRunAt)> Seen { get; } = [];

    /// <summary>How long each run takes. The default value is none.</summary>
    public TimeSpan Duration { get; init; }

    public async Task RunAsync(IWorkflowContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _running) > 1)
        {
            Overlapped = true;
        }

        try
        {
            var run = Interlocked.Increment(ref _runs);
            lock (Seen)
            {
                Seen.Add((context.ScheduledAt, context.PreviousRunAt));
            }

            foreach (var account in context.Accounts)
            {
                var text = $"Weekly digest number {run} for {account.Name}: {Guid.NewGuid():N} {Guid.NewGuid():N}";
                await context.ProposeAsync(new Proposal(account.Platform, account.Name, new PostDraft(text), $"digest run {run}") { TriggerEventId = $"run-{run}" }, cancellationToken);
            }

            if (Duration > TimeSpan.Zero)
            {
                await Task.Delay(Duration, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
