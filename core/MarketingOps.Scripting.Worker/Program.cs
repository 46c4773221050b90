using MarketingOps.Scripting.WorkerSide;

namespace MarketingOps.Scripting.Worker;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        // Before any script code exists in the process: the limits the host asked for, applied by the kernel.
        ProcessLimits.Apply(args);
        return WorkerProgram.RunAsync(args);
    }
}
