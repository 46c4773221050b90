using System.Text;
using System.Text.Json;
using CsvHelper;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Parsing;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Application;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Posts.Import;

/// <summary>
/// Reads the posts of <c>mops post import</c>: a CSV file with a header row (RFC 4180: quoted fields keep their commas,
/// quotes and line breaks) or a JSON array of objects, with the same names. Every value is taken exactly as written;
/// text and media files are found relative to the import file. Every problem is listed, each with where it is.
/// </summary>
internal static class PostImportReader
{
    /// <summary>The most posts one import takes.</summary>
    public const int MaxPosts = 10_000;

    /// <summary>The columns (CSV) or members (JSON) a post may have; <c>account</c>, <c>at</c> and one of <c>text</c> and <c>file</c> are required.</summary>
    public static readonly IReadOnlyList<string> Names = ["account", "at", "tz", "text", "file", "media", "kind", "to", "in_reply_to", "experiment", "variant"];

    /// <summary>A CSV column <c>option:NAME</c> gives the platform option NAME (<c>--option NAME VALUE</c>); JSON has an <c>options</c> object.</summary>
    public const string OptionPrefix = "option:";

    private static readonly IReadOnlyList<string> JsonNames = [.. Names, "options"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
    };

    public static ImportFile Read(string file)
    {
        var path = Path.GetFullPath(file);
        var name = Path.GetFileName(path);
        string content;
        try
        {
            content = StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException(File.Exists(path) ? $"cannot read {path}: {ex.Message}" : $"{path} does not exist");
        }
        catch (DecoderFallbackException)
        {
            return new ImportFile([], [new ImportProblem(0, $"{name}: is not UTF-8 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") and import it again")], Unreadable: true);
        }

        var folder = Path.GetDirectoryName(path)!;
        var problems = new List<ImportProblem>();
        var isCsv = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        var fields = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(name, content.TrimStart('\uFEFF'), problems),
            ".json" => ReadJson(name, content, problems),
            _ => throw new UserFacingException($"{path}: give a .csv or a .json file"),
        };
        if (fields.Count > MaxPosts)
        {
            return new ImportFile([], [new ImportProblem(0, $"{name}: holds {fields.Count:N0} posts; import at most {MaxPosts:N0} at a time")], Unreadable: true);
        }

        if (fields.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(0, $"{name}: holds no posts"));
        }

        var rows = new List<ImportRow>(fields.Count);
        foreach (var (where, position, post) in fields)
        {
            var rowProblems = new List<string>();
            if (ToRequest(where, post, folder, rowProblems) is { } request)
            {
                rows.Add(new ImportRow(where, position, request) { Csv = isCsv });
            }

            problems.AddRange(rowProblems.Select(p => new ImportProblem(position, p)));
        }

        return new ImportFile(rows, problems, Unreadable: fields.Count == 0 || problems.Any(p => p.Position == 0));
    }

    private static List<(string Where, int Position, ImportedFields Fields)> ReadCsv(string name, string content, List<ImportProblem> problems)
    {
        var rows = new List<(string, int, ImportedFields)>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            IncludeValuesInExceptions = false,
        };
        using var csv = CsvReader.FromText(content, options);
        try
        {
            var headers = csv.Headers;
            var unknown = headers.Where(h => !Names.Contains(h, StringComparer.Ordinal) && !IsOptionColumn(h)).ToList();
            var twice = headers.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (unknown.Count > 0 || twice.Count > 0)
            {
                problems.AddRange(unknown.Select(h => new ImportProblem(0, $"{name}:1: unknown column '{h}' (the columns are {string.Join(", ", Names)} and {OptionPrefix}NAME for each platform option, in any order, lower case)")));
                problems.AddRange(twice.Select(h => new ImportProblem(0, $"{name}:1: column '{h}' is given more than once")));
                return rows;
            }

            var index = Names.ToDictionary(n => n, n => headers.ToList().IndexOf(n));
            var optionColumns = headers.Select((h, i) => (Header: h, Index: i)).Where(c => IsOptionColumn(c.Header)).ToList();
            while (csv.Read())
            {
                string? Field(string column) => index[column] is >= 0 and var i && csv.GetString(i) is { Length: > 0 } value ? value : null;
                rows.Add((RowAt(name, csv.RowNumber + 1, csv.LineNumber), (int)csv.RowNumber, new ImportedFields
                {
                    Account = Field("account"),
                    At = Field("at"),
                    Tz = Field("tz"),
                    Text = Field("text"),
                    File = Field("file"),
                    Media = Field("media")?.Split('|'),
                    Kind = Field("kind"),
                    To = Field("to"),
                    InReplyTo = Field("in_reply_to"),
                    Experiment = Field("experiment"),
                    Variant = Field("variant"),
                    Options = Options(optionColumns.Select(c => (c.Header[OptionPrefix.Length..], csv.GetString(c.Index)))),
                }));
            }
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new ImportProblem(0, $"{RowAt(name, ex.RecordNumber, ex.LineNumber)}: {ex.Message}"));
        }

        return rows;
    }

    private static List<(string Where, int Position, ImportedFields Fields)> ReadJson(string name, string content, List<ImportProblem> problems)
    {
        var rows = new List<(string, int, ImportedFields)>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            var (line, column, reason) = JsonSyntaxProblem.Locate(content, ex);
            problems.Add(new ImportProblem(0, $"{name}:{line}:{column}: not valid JSON: {reason}"));
            return rows;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ImportProblem(0, $"{name}: must be a JSON array of posts, [{{\"account\": …, \"at\": …, \"text\": …}}, …]"));
                return rows;
            }

            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var where = $"{name}: post {++number}";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ImportProblem(number, $"{where}: must be an object with {string.Join(", ", Names)}"));
                    continue;
                }

                var unknown = element.EnumerateObject().Select(p => p.Name).Where(n => !JsonNames.Contains(n, StringComparer.Ordinal)).ToList();
                if (unknown.Count > 0)
                {
                    problems.AddRange(unknown.Select(n => new ImportProblem(number, $"{where}: unknown field '{n}' (the fields are {string.Join(", ", JsonNames)})")));
                    continue;
                }

                try
                {
                    rows.Add((where, number, element.Deserialize<ImportedFields>(JsonOptions)!));
                }
                catch (JsonException ex)
                {
                    var field = ex.Path is { Length: > 2 } at ? at[2..] : "a field";
                    var expected = field.StartsWith("media", StringComparison.Ordinal) ? "an array of file names"
                        : field == "options" ? "an object of option names and string values, {\"visibility\": \"unlisted\"}"
                        : "a string";
                    problems.Add(new ImportProblem(number, $"{where}: {field}: must be {expected}"));
                }
            }
        }

        return rows;
    }

    private static ScheduleRequest? ToRequest(string where, ImportedFields post, string folder, List<string> problems)
    {
        var before = problems.Count;
        if (post.Account is not { Length: > 0 })
        {
            problems.Add($"{where}: account: is required");
        }

        if (post.At is not { Length: > 0 })
        {
            problems.Add($"{where}: at: is required (ISO 8601 with an offset, or a local time in tz or the account's zone)");
        }

        if (post.Text is { Length: > 0 } && post.File is { Length: > 0 })
        {
            problems.Add($"{where}: give exactly one of text and file");
        }
        else if (post.Text is not { Length: > 0 } && post.File is not { Length: > 0 } && post.Media is not { Count: > 0 })
        {
            problems.Add($"{where}: give text or file (or media alone, for a post of media only)");
        }

        // JSON may hold null where a string belongs; it is named, never passed on.
        if (post.Media?.Any(m => m is null) == true)
        {
            problems.Add($"{where}: media: must be an array of file names; null is not one");
        }

        foreach (var (name, _) in (post.Options ?? PlatformOptions.None).Where(o => o.Value is null))
        {
            problems.Add($"{where}: options.{name}: must be a string; to leave the option out, leave out its name");
        }

        var kind = UnattendedPolicy.ParseKind(post.Kind ?? "post");
        if (kind is null)
        {
            problems.Add($"{where}: kind: must be post, reply or dm (was '{post.Kind}')");
        }

        var text = post.Text ?? "";
        var media = new List<MediaAttachment>();
        try
        {
            if (post.File is { Length: > 0 } file && text.Length == 0)
            {
                text = DraftRequest.ReadText(Path.Combine(folder, file), "file");
            }

            media.AddRange((post.Media ?? []).Where(m => m is not null).Select(m => DraftRequest.ToAttachment(Path.Combine(folder, m), "media")));
        }
        catch (UserFacingException ex)
        {
            problems.Add($"{where}: {ex.Message}");
        }

        return problems.Count > before ? null
            : new DraftFields(post.Tz, post.Experiment, post.Variant, kind!.Value, post.To, post.InReplyTo) { Options = post.Options ?? PlatformOptions.None }
                .ToRequest(post.Account!, post.At!, text, media);
    }

    /// <summary>
    /// A CSV row as a spreadsheet numbers it (the header is row 1), <c>posts.csv:4</c>; when quoted line breaks make it
    /// start on another line of the file, that line too, <c>posts.csv:4 (line 6)</c>, for a text editor.
    /// </summary>
    private static string RowAt(string name, long row, long line) =>
        row <= 0 ? $"{name}: line {line}" : line <= 0 || line == row ? $"{name}:{row}" : $"{name}:{row} (line {line})";

    private static bool IsOptionColumn(string header) => header.StartsWith(OptionPrefix, StringComparison.Ordinal) && header.Length > OptionPrefix.Length;

    // An empty cell gives no option, as an empty cell of any other column gives nothing.
    private static Dictionary<string, string>? Options(IEnumerable<(string Name, string Value)> cells)
    {
        var given = cells.Where(c => c.Value.Length > 0).ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        return given.Count == 0 ? null : given;
    }
}
