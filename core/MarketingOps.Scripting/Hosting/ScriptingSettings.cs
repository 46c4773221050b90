using System.Globalization;
using MarketingOps.Core.Configuration;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Scripting.Hosting;

/// <summary>
/// The <c>Scripting</c> section of <c>mops.json</c>: limits a client's agency may tune. Where scripts run is not among
/// them: always in worker processes.
/// </summary>
internal static class ScriptingSettings
{
    public static ScriptRunnerOptions Read(IConfiguration? configuration, string clientFolder)
    {
        var options = new ScriptRunnerOptions { ClientFolder = clientFolder, CacheDirectory = Path.Combine(clientFolder, "cache", "scripts") };
        if (configuration?.GetSection("Scripting") is not { } section || !section.Exists())
        {
            return options;
        }

        var problems = new List<ConfigProblem>();
        var workers = options.Workers;
        options.DefaultTimeout = Duration(section, "DefaultTimeout", options.DefaultTimeout, problems);
        workers.CompileTimeout = Duration(section, "CompileTimeout", workers.CompileTimeout, problems);
        workers.CompileCpuLimit = Duration(section, "CompileCpuLimit", workers.CompileCpuLimit, problems);
        workers.LongRunAfter = Duration(section, "LongRunAfter", workers.LongRunAfter, problems);
        workers.MaxWorkers = Number(section, "MaxWorkers", workers.MaxWorkers, 1, 64, problems);
        workers.WarmWorkers = Number(section, "WarmWorkers", workers.WarmWorkers, 0, 64, problems);
        workers.RunsPerWorker = Number(section, "RunsPerWorker", workers.RunsPerWorker, 1, 100_000, problems);
        workers.MaxOutputBytesPerRun = (long)Number(section, "MaxOutputKilobytes", (int)(workers.MaxOutputBytesPerRun >> 10), 1, 1_048_576, problems) << 10;
        workers.MemoryLimitBytes = (long)Number(section, "MemoryLimitMegabytes", (int)(workers.MemoryLimitBytes >> 20), 128, 65_536, problems) << 20;
        return problems.Count > 0 ? throw new ConfigurationException(problems) : options;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, List<ConfigProblem> problems)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        problems.Add(new ConfigProblem("mops.json", $"$.Scripting.{key}", $"'{text}' is not a positive duration such as 00:05:00"));
        return fallback;
    }

    private static int Number(IConfigurationSection section, string key, int fallback, int min, int max, List<ConfigProblem> problems)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add(new ConfigProblem("mops.json", $"$.Scripting.{key}", $"'{text}' is not a whole number from {min} to {max}"));
        return fallback;
    }
}
