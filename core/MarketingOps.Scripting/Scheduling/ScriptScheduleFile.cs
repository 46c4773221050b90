using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingOps.Core.Configuration;
using Quartz;

namespace MarketingOps.Scripting.Scheduling;

/// <summary><c>scripts.json</c> in the client folder: the scheduled scripts, written by <c>mops script schedule</c> and by the host (pauses, missed runs, run records), read at host start and again whenever it changes.</summary>
internal static class ScriptScheduleFile
{
    public const string FileName = "scripts.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string PathIn(string clientFolder) => Path.Combine(clientFolder, FileName);

    /// <summary>Reads the file (none means no scheduled scripts); every problem is listed with where it is.</summary>
    public static IReadOnlyList<ScheduledScript> Read(string clientFolder)
    {
        var path = PathIn(clientFolder);
        if (!File.Exists(path))
        {
            return [];
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException([new ConfigProblem(path, ex.Path ?? $"line {ex.LineNumber + 1}", ex.Message)]);
        }

        var scripts = document?.Scheduled ?? [];
        var problems = scripts.SelectMany((s, i) => Problems(s, $"$.scheduled[{i}]").Select(p => new ConfigProblem(path, p.Location, p.Message))).ToList();
        problems.AddRange(scripts
            .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => new ConfigProblem(path, "$.scheduled", $"the name '{g.Key}' is used {g.Count()} times")));
        return problems.Count > 0 ? throw new ConfigurationException(problems) : scripts;
    }

    /// <summary>What is wrong with one entry (empty when it is fine).</summary>
    public static IReadOnlyList<(string Location, string Message)> Problems(ScheduledScript script, string at = "")
    {
        ArgumentNullException.ThrowIfNull(script);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(script.Name) || script.Name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add(($"{at}.name", $"'{script.Name}' is not a usable name (letters, digits and dashes, no spaces)"));
        }

        if (!CronExpression.TryParse(script.Cron, out _))
        {
            problems.Add(($"{at}.cron", $"'{script.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, for example '0 0 8 * * ?')"));
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(script.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            problems.Add(($"{at}.timeZone", $"'{script.TimeZone}' is not a known IANA time zone"));
        }

        if (script.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            problems.Add(($"{at}.timeout", "must be positive"));
        }

        if (!File.Exists(script.File))
        {
            problems.Add(($"{at}.file", $"'{script.File}' does not exist"));
        }

        return problems;
    }

    /// <summary>Adds or replaces the entry with the same name.</summary>
    public static async Task UpsertAsync(string clientFolder, ScheduledScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var exclusive = await LockAsync(clientFolder);
        var scripts = Read(clientFolder).Where(s => !string.Equals(s.Name, script.Name, StringComparison.OrdinalIgnoreCase)).Append(script);
        Write(clientFolder, scripts.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The entry with this name as the file has it now; null when it was unscheduled.</summary>
    public static ScheduledScript? Find(string clientFolder, string name)
        => Read(clientFolder).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Changes one entry in place (a running host records a pause); false when there is no such entry.</summary>
    public static async Task<bool> UpdateAsync(string clientFolder, string name, Func<ScheduledScript, ScheduledScript> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var exclusive = await LockAsync(clientFolder);
        var scripts = Read(clientFolder).ToList();
        var index = scripts.FindIndex(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        scripts[index] = change(scripts[index]);
        Write(clientFolder, scripts);
        return true;
    }

    /// <summary>Removes the entry; false when there was none.</summary>
    public static async Task<bool> RemoveAsync(string clientFolder, string name)
    {
        await using var exclusive = await LockAsync(clientFolder);
        var scripts = Read(clientFolder);
        var kept = scripts.Where(s => !string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == scripts.Count)
        {
            return false;
        }

        Write(clientFolder, kept);
        return true;
    }

    /// <summary>Holds <c>scripts.json.lock</c> while the file is read, changed and written: the CLI and a running host both write it.</summary>
    private static async Task<FileStream> LockAsync(string clientFolder)
    {
        var path = PathIn(clientFolder) + ".lock";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System); // another writer holds it for the few milliseconds a rewrite takes
            }
        }
    }

    private static void Write(string clientFolder, List<ScheduledScript> scripts)
    {
        var path = PathIn(clientFolder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Document { Scheduled = scripts }, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed class Document
    {
        public List<ScheduledScript> Scheduled { get; set; } = [];
    }
}
