using System.Diagnostics;
using System.Globalization;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// How a worker process starts: the .NET muxer running the worker assembly, with an empty environment (no secrets, no
/// settings, nothing inherited but what is listed here), an empty temporary working folder, the GC's hard heap limit,
/// and the kernel memory limit the worker sets on itself before any script exists.
/// </summary>
internal static class WorkerLaunch
{
    public static ProcessStartInfo Create(ScriptWorkerOptions options, string workingFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assembly = Path.GetFullPath(options.WorkerAssembly);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The script worker ({assembly}) is missing; rebuild mops.", assembly);
        }

        var info = new ProcessStartInfo(Muxer())
        {
            WorkingDirectory = workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        info.ArgumentList.Add("exec");
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (File.Exists(runtimeConfig))
        {
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(runtimeConfig);
        }

        var deps = Path.ChangeExtension(assembly, ".deps.json");
        if (File.Exists(deps))
        {
            info.ArgumentList.Add("--depsfile");
            info.ArgumentList.Add(deps);
        }

        info.ArgumentList.Add(assembly);
        info.ArgumentList.Add("--warm-scripts");
        info.ArgumentList.Add(options.WarmScriptsPerWorker.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add("--data-limit");
        info.ArgumentList.Add((options.MemoryLimitBytes + options.NativeAllowance).ToString(CultureInfo.InvariantCulture));

        info.Environment.Clear();
        info.Environment["DOTNET_GCHeapHardLimit"] = options.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_gcConcurrent"] = "0";

        // A worker lives for a few dozen runs (RunsPerWorker), too short for profile-guided tiering to pay: its extra
        // instrumented tier recompiles the protocol's and the script's methods once more while they run, and on two busy
        // cores that background JIT took as long as a warm script's own body (the scripting benchmark: body 1.8 → 1.0 ms).
        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment["DOTNET_EnableDiagnostics"] = "0"; // no debugger, profiler or event pipe can attach to a worker
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["TMPDIR"] = workingFolder;
        return info;
    }

    /// <summary>The <c>dotnet</c> executable of the runtime the host runs on.</summary>
    private static string Muxer()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name)
        {
            return self;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }
}
