namespace MarketingOps.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("benchmarks: none registered yet");
        return 0;
    }
}
