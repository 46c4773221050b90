namespace MarketingOps.Benchmarks.Api;

/// <summary>One bounded load: the requests answered, the errors, every latency and the CPU the process spent meanwhile.</summary>
internal sealed record LoadRun(int Count, int Errors, List<double> Latencies, TimeSpan Cpu)
{
    /// <summary>The CPU one request cost, server and load generator together.</summary>
    public double CpuPerRequest => Cpu.TotalMilliseconds / Math.Max(1, Count);
}
