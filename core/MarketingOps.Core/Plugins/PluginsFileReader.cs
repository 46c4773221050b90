using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace MarketingOps.Core.Plugins;

/// <summary>Reads and validates <c>plugins.json</c>, collecting every problem with its JSON path before anything loads.</summary>
internal static partial class PluginsFileReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly HashSet<string> EntryProperties = ["id", "path", "enabled", "settings", "accounts", "workflows"];
    private static readonly HashSet<string> AccountProperties = ["name", "timeZone", "approvalRequired", "settings"];
    private static readonly HashSet<string> WorkflowProperties = ["schedule", "unattended", "enabled"];
    private static readonly HashSet<string> MessageKinds = ["post", "reply", "dm"];

    /// <summary>Reads the file, throwing a <see cref="ConfigurationException"/> listing every problem.</summary>
    public static PluginsFile Read(string path)
    {
        var (file, problems) = TryRead(path);
        return problems.Count > 0 || file is null ? throw new ConfigurationException(problems) : file;
    }

    public static (PluginsFile? File, IReadOnlyList<ConfigProblem> Problems) TryRead(string path)
    {
        var shown = path;
        if (!File.Exists(path))
        {
            return (null, [new ConfigProblem(path, "$", "file not found; create it or pass --home with the client folder that holds it")]);
        }

        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            using var document = JsonDocument.Parse(bytes, DocumentOptions);
            var problems = new List<ConfigProblem>();
            var file = ReadRoot(document.RootElement, Path.GetFullPath(path), shown, problems);
            return (problems.Count == 0 ? file : null, problems);
        }
        catch (JsonException ex)
        {
            var location = ex.LineNumber is long line
                ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}"
                : "$";
            return (null, [new ConfigProblem(shown, location, "invalid JSON: " + FirstSentence(ex.Message))]);
        }
    }

    private static PluginsFile ReadRoot(JsonElement root, string fullPath, string shown, List<ConfigProblem> problems)
    {
        var entries = new List<PluginEntry>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ConfigProblem(shown, "$", "must be a JSON object with a \"plugins\" array"));
            return new PluginsFile(fullPath, entries);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("plugins" or "$schema"))
            {
                problems.Add(new ConfigProblem(shown, "$." + property.Name, "unknown property; expected \"plugins\""));
            }
        }

        if (!root.TryGetProperty("plugins", out var plugins) || plugins.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ConfigProblem(shown, "$.plugins", "required: an array of plugin entries"));
            return new PluginsFile(fullPath, entries);
        }

        var baseDirectory = Path.GetDirectoryName(fullPath)!;
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accountNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in plugins.EnumerateArray())
        {
            var at = $"$.plugins[{index++}]";
            var entry = ReadEntry(element, at, baseDirectory, shown, problems, accountNames);
            if (entry is null)
            {
                continue;
            }

            if (!ids.Add(entry.Id))
            {
                problems.Add(new ConfigProblem(shown, at + ".id", $"plugin id \"{entry.Id}\" is listed twice"));
                continue;
            }

            entries.Add(entry);
        }

        return new PluginsFile(fullPath, entries);
    }

    private static PluginEntry? ReadEntry(JsonElement element, string at, string baseDirectory, string shown, List<ConfigProblem> problems, Dictionary<string, string> accountNames)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ConfigProblem(shown, at, "must be an object with an \"id\" (and, for a plugin outside the client's plugins/ folder, a \"path\")"));
            return null;
        }

        ReportUnknown(element, at, EntryProperties, shown, problems);
        var id = RequiredString(element, "id", at, shown, problems);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            problems.Add(new ConfigProblem(shown, at + ".id", $"\"{id}\" is not a valid plugin id (lower-case letters, digits, '.', '-', '_')"));
        }

        // Without a path, the plugin is found by id: the client's plugins/ folder, then the plugins shipped with mops.
        var path = OptionalString(element, "path", at, shown, problems);
        var enabled = OptionalBool(element, "enabled", at, shown, problems) ?? true;
        var settings = OptionalObject(element, "settings", at, shown, problems);
        var accounts = ReadAccounts(element, id ?? "", at, shown, problems, accountNames);
        var workflows = ReadWorkflows(element, at, shown, problems);
        if (id is null || (path is null && element.TryGetProperty("path", out _)))
        {
            return null;
        }

        var directory = path is not null ? Path.GetFullPath(Path.Combine(baseDirectory, path)) : PluginLocator.Find(baseDirectory, id).Directory;
        if (directory is null)
        {
            problems.Add(new ConfigProblem(shown, at + ".id", $"no plugin \"{id}\" in {Path.Combine(baseDirectory, PluginLocator.ClientPluginsFolder)} or among the plugins that ship with mops ({string.Join(", ", PluginLocator.BundledIds())}); install it with `mops plugins install`, or give its folder as \"path\""));
            return null;
        }

        return new PluginEntry(id, directory, at)
        {
            Enabled = enabled,
            Settings = ToConfiguration(settings),
            Accounts = accounts,
            Workflows = workflows,
        };
    }

    private static List<ClientAccount> ReadAccounts(JsonElement entry, string platform, string at, string shown, List<ConfigProblem> problems, Dictionary<string, string> accountNames)
    {
        var accounts = new List<ClientAccount>();
        if (!entry.TryGetProperty("accounts", out var array))
        {
            return accounts;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ConfigProblem(shown, at + ".accounts", "must be an array of accounts"));
            return accounts;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var accountAt = $"{at}.accounts[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ConfigProblem(shown, accountAt, "must be an object with a \"name\""));
                continue;
            }

            ReportUnknown(element, accountAt, AccountProperties, shown, problems);
            var name = RequiredString(element, "name", accountAt, shown, problems);
            var zoneId = OptionalString(element, "timeZone", accountAt, shown, problems) ?? "UTC";
            var approval = OptionalBool(element, "approvalRequired", accountAt, shown, problems) ?? false;
            var settings = OptionalObject(element, "settings", accountAt, shown, problems);
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            {
                problems.Add(new ConfigProblem(shown, accountAt + ".timeZone", $"\"{zoneId}\" is not a known IANA time zone (for example \"Europe/Berlin\")"));
            }

            if (name is null)
            {
                continue;
            }

            if (!AccountPattern().IsMatch(name))
            {
                problems.Add(new ConfigProblem(shown, accountAt + ".name", $"\"{name}\" is not a valid account name (letters, digits, '.', '-', '_')"));
            }
            else if (accountNames.TryGetValue(name, out var first))
            {
                problems.Add(new ConfigProblem(shown, accountAt + ".name", $"account \"{name}\" is already defined at {first}; account names are unique in a client folder"));
            }
            else
            {
                accountNames[name] = accountAt;
            }

            accounts.Add(new ClientAccount(name, platform, zone ?? TimeZoneInfo.Utc)
            {
                ApprovalRequired = approval,
                Settings = ToConfiguration(settings),
            });
        }

        return accounts;
    }

    private static Dictionary<string, WorkflowEntry> ReadWorkflows(JsonElement entry, string at, string shown, List<ConfigProblem> problems)
    {
        var workflows = new Dictionary<string, WorkflowEntry>(StringComparer.OrdinalIgnoreCase);
        if (!entry.TryGetProperty("workflows", out var map))
        {
            return workflows;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ConfigProblem(shown, at + ".workflows", "must be an object keyed by workflow name"));
            return workflows;
        }

        foreach (var property in map.EnumerateObject())
        {
            var workflowAt = $"{at}.workflows.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ConfigProblem(shown, workflowAt, "must be an object such as { \"schedule\": \"0 0/15 * * * ?\" }"));
                continue;
            }

            ReportUnknown(property.Value, workflowAt, WorkflowProperties, shown, problems);
            var schedule = OptionalString(property.Value, "schedule", workflowAt, shown, problems);
            if (schedule is not null && !CronExpression.TryParse(schedule, out _))
            {
                problems.Add(new ConfigProblem(shown, workflowAt + ".schedule", $"\"{schedule}\" is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0/15 * * * ?\")"));
            }

            var unattended = new List<string>();
            if (property.Value.TryGetProperty("unattended", out var kinds))
            {
                if (kinds.ValueKind != JsonValueKind.Array)
                {
                    problems.Add(new ConfigProblem(shown, workflowAt + ".unattended", "must be an array of message kinds: \"post\", \"reply\", \"dm\""));
                }
                else
                {
                    var i = 0;
                    foreach (var kind in kinds.EnumerateArray())
                    {
                        var value = kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
                        if (value is null || !MessageKinds.Contains(value))
                        {
                            problems.Add(new ConfigProblem(shown, $"{workflowAt}.unattended[{i}]", "must be one of \"post\", \"reply\", \"dm\""));
                        }
                        else
                        {
                            unattended.Add(value);
                        }

                        i++;
                    }
                }
            }

            var enabled = OptionalBool(property.Value, "enabled", workflowAt, shown, problems) ?? true;
            workflows[property.Name] = new WorkflowEntry(schedule, unattended, enabled);
        }

        return workflows;
    }

    /// <summary>Turns a settings key reported by a plugin (<c>rates:0:clickRate</c>) into a JSON path below <paramref name="at"/>.</summary>
    public static string SettingsPath(string at, string key)
    {
        var builder = new StringBuilder(at).Append(".settings");
        foreach (var part in key.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            _ = int.TryParse(part, out var number) && number >= 0
                ? builder.Append('[').Append(part).Append(']')
                : builder.Append('.').Append(part);
        }

        return builder.ToString();
    }

    private static IConfiguration ToConfiguration(JsonElement? settings)
    {
        var builder = new ConfigurationBuilder();
        if (settings is { } element)
        {
            builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(element.GetRawText())));
        }

        return builder.Build();
    }

    private static void ReportUnknown(JsonElement element, string at, HashSet<string> known, string shown, List<ConfigProblem> problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                problems.Add(new ConfigProblem(shown, $"{at}.{property.Name}", $"unknown property; expected one of {string.Join(", ", known.Select(k => '"' + k + '"'))}"));
            }
        }
    }

    private static string? RequiredString(JsonElement element, string name, string at, string shown, List<ConfigProblem> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            problems.Add(new ConfigProblem(shown, $"{at}.{name}", "required"));
            return null;
        }

        return StringValue(value, $"{at}.{name}", shown, problems);
    }

    private static string? OptionalString(JsonElement element, string name, string at, string shown, List<ConfigProblem> problems) =>
        element.TryGetProperty(name, out var value) ? StringValue(value, $"{at}.{name}", shown, problems) : null;

    private static string? StringValue(JsonElement value, string at, string shown, List<ConfigProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }

        problems.Add(new ConfigProblem(shown, at, "must be a non-empty string"));
        return null;
    }

    private static bool? OptionalBool(JsonElement element, string name, string at, string shown, List<ConfigProblem> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add(new ConfigProblem(shown, $"{at}.{name}", "must be true or false"));
        return null;
    }

    private static JsonElement? OptionalObject(JsonElement element, string name, string at, string shown, List<ConfigProblem> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.Clone();
        }

        problems.Add(new ConfigProblem(shown, $"{at}.{name}", "must be an object"));
        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex AccountPattern();
}
