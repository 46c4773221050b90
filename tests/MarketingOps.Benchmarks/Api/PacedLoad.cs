using System.Diagnostics;

namespace MarketingOps.Benchmarks.Api;

/// <summary>
/// An open-loop load: each client sends on a fixed schedule whether or not its last answer came back late, and each
/// latency counts from the moment its request was due, not from when it was sent, so a stall shows in full in every
/// request it delayed (no coordinated omission). Unlike clients that send again the moment they are answered, its
/// latencies do not grow with the number of clients while the machine keeps up.
/// </summary>
internal static class PacedLoad
{
    public static async Task<LoadRun> RunAsync(HttpClient client, Uri url, int clients, double requestsPerSecondEach, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var interval = TimeSpan.FromSeconds(1 / requestsPerSecondEach);
        var clock = Stopwatch.StartNew();
        var errors = 0;
        var all = new List<double>();
        var workers = Enumerable.Range(0, clients).Select(async index =>
        {
            var mine = new List<double>();

            // Spread the clients' first requests over one interval, so they do not all send at once.
            for (var due = interval * index / clients; due < duration; due += interval)
            {
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                if (!await LoadRequest.SendAsync(client, url, cancellationToken))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add((clock.Elapsed - due).TotalMilliseconds);
            }

            lock (all)
            {
                all.AddRange(mine);
            }
        });
        await Task.WhenAll(workers);
        return new LoadRun(all.Count, errors, all, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }
}
