using Quartz;

namespace MarketingOps.Benchmarks.Publishing;

/// <summary>The baseline: a Quartz job that only counts its firing.</summary>
[DisallowConcurrentExecution]
internal sealed class NoOpJob(NoOpJob.Counter counter) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        counter.Increment();
        return ValueTask.CompletedTask;
    }

    internal sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
