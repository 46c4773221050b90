using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>
/// The scheduled scripts of <c>scripts.json</c> as recurring work <c>script:NAME</c>, read at start and again by
/// <see cref="ScriptScheduleWatcher"/> when the file changes, so <c>mops script schedule</c> takes effect while the
/// host runs. A script keeps its work object while its file, cron expression and zone stay the same.
/// </summary>
internal sealed class ScheduledScriptSource : IRecurringWorkSource
{
    public const string Prefix = "script:";

    private readonly string _clientFolder;
    private readonly IServiceProvider _services;
    private readonly Lock _gate = new();
    private IReadOnlyList<ScheduledWork> _work = [];

    public ScheduledScriptSource(string clientFolder, IServiceProvider services)
    {
        _clientFolder = clientFolder;
        _services = services;
        Apply(ScriptScheduleFile.Read(clientFolder));
    }

    public IReadOnlyList<ScheduledWork> GetWork()
    {
        lock (_gate)
        {
            return _work;
        }
    }

    /// <summary>Reads <c>scripts.json</c> again; true when a script was added or removed or its schedule changed.</summary>
    /// <exception cref="Core.Configuration.ConfigurationException">The file has problems; the work stays as it was.</exception>
    public bool Reload() => Apply(ScriptScheduleFile.Read(_clientFolder));

    private bool Apply(IReadOnlyList<ScheduledScript> scripts)
    {
        lock (_gate)
        {
            var known = _work.ToDictionary(w => w.Job.Name, StringComparer.OrdinalIgnoreCase);
            var work = new List<ScheduledWork>();
            var changed = known.Count != scripts.Count;
            foreach (var script in scripts)
            {
                if (known.TryGetValue(script.WorkName, out var kept) && kept.Work is ScheduledScriptWork same && same.Schedules(script))
                {
                    work.Add(kept);
                    continue;
                }

                changed = true;
                work.Add(new ScheduledWork(
                    new CronJobOptions { Name = script.WorkName, Cron = script.Cron, TimeZone = script.TimeZone, Work = script.WorkName },
                    new ScheduledScriptWork(
                        script,
                        _clientFolder,
                        _services.GetRequiredService<ScriptRunner>(),
                        _services.GetRequiredService<ScheduledScriptRuns>(),
                        _services,
                        _services.GetService<TimeProvider>() ?? TimeProvider.System,
                        _services.GetRequiredService<ILogger<ScheduledScriptWork>>())));
            }

            _work = work;
            return changed;
        }
    }
}
