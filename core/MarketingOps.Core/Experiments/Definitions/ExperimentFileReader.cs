using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketingOps.Core.Parsing;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Statistics;
using MarketingOps.Sdk;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>
/// Reads an experiment definition from a YAML or JSON file (<c>mops experiment create FILE</c>). Every problem
/// names the file, line, column and field path. JSON syntax is checked by System.Text.Json; the structure of
/// both is then read through YamlDotNet's node model (JSON is YAML), which keeps every node's position.
/// </summary>
internal static partial class ExperimentFileReader
{
    private static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(7);
    private static readonly string[] TopKeys = ["name", "description", "variants", "accounts", "metric", "guardrails", "allocation", "horizon", "decision", "onWin"];

    /// <summary>Reads and validates the file; throws <see cref="ExperimentRequestException"/> listing every problem.</summary>
    public static ExperimentDefinition Load(string path, Func<string, TimeZoneInfo?>? zoneOf = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ExperimentRequestException($"{path}: file not found");
        }

        var full = Path.GetFullPath(path);
        var (definition, problems) = Read(File.ReadAllText(full), path, Path.GetDirectoryName(full), zoneOf);
        return problems.Count == 0 && definition is not null
            ? definition
            : throw new ExperimentRequestException([.. problems.Select(p => p.ToString())]);
    }

    /// <summary>Reads <paramref name="text"/>; <paramref name="fileShown"/> decides JSON (by extension) and appears in every problem.</summary>
    public static (ExperimentDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Read(
        string text, string fileShown, string? baseDirectory = null, Func<string, TimeZoneInfo?>? zoneOf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileShown);
        var problems = new List<DefinitionProblem>();
        if (fileShown.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
            }
            catch (JsonException ex)
            {
                var (line, column, reason) = JsonSyntaxProblem.Locate(text, ex);
                problems.Add(new DefinitionProblem(fileShown, line, column, string.Empty, "not valid JSON: " + reason));
                return (null, problems);
            }
        }

        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                problems.Add(new DefinitionProblem(fileShown, null, null, string.Empty, "the file is empty"));
                return (null, problems);
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            problems.Add(new DefinitionProblem(fileShown, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty, "not valid YAML: " + (ex.InnerException?.Message ?? ex.Message)));
            return (null, problems);
        }

        var top = new DefinitionNode(root, string.Empty, fileShown, problems);
        if (!top.IsMapping)
        {
            top.Problem("the file must hold one object with name, variants, accounts, metric, …");
            return (null, problems);
        }

        top.RejectUnknown(TopKeys);
        var definition = ReadDefinition(top, baseDirectory, zoneOf);
        var reported = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, message) in ExperimentDefinitionValidator.Validate(definition))
        {
            // A field that could not be read holds a default; its validation problem would only repeat the first.
            if (!reported.Any(r => r.Length > 0 && path.StartsWith(r, StringComparison.Ordinal)))
            {
                var node = Locate(root, path);
                problems.Add(new DefinitionProblem(fileShown, node is null ? null : (int)node.Start.Line, node is null ? null : (int)node.Start.Column, path, message));
            }
        }

        return (problems.Count == 0 ? definition : null, problems);
    }

    private static ExperimentDefinition ReadDefinition(DefinitionNode top, string? baseDirectory, Func<string, TimeZoneInfo?>? zoneOf)
    {
        var name = top.Child("name").RequiredText("the experiment's name");
        var variants = new List<VariantDefinition>();
        var variantsNode = top.Child("variants");
        if (variantsNode.IsMissing)
        {
            variantsNode.Missing("missing: the variants (2 to 8, the first is the control)");
        }

        foreach (var item in variantsNode.Items())
        {
            variants.Add(ReadVariant(item, baseDirectory));
        }

        var accountsNode = top.Child("accounts");
        IReadOnlyList<string> accounts = accountsNode.IsSequence
            ? [.. accountsNode.Items().Select(a => a.RequiredText("an account name"))]
            : accountsNode.Text() is { } single ? [single] : [];

        var metricNode = top.Child("metric");
        MetricDefinition metric = MetricDefinition.LinkClickRate;
        if (metricNode.IsMissing)
        {
            metricNode.Missing($"missing: the primary metric, one of {string.Join(", ", MetricDefinition.Presets.Keys)} or {{ numerator, denominator }}");
        }
        else
        {
            metric = ReadMetric(metricNode) ?? metric;
        }

        var guardrails = top.Child("guardrails").Items().Select(ReadMetric).OfType<MetricDefinition>().ToList();
        var firstAccount = (accounts.Count > 0 ? accounts[0] : null) ?? variants.FirstOrDefault(v => v.Account is not null)?.Account;
        var allocation = ReadAllocation(top.Child("allocation"), firstAccount, zoneOf);
        var horizon = top.Child("horizon").Duration() ?? DefaultHorizon;
        var decision = ReadDecision(top.Child("decision"));
        var onWin = ReadOnWin(top.Child("onWin"));
        return new ExperimentDefinition(name, variants, accounts, metric)
        {
            Description = top.Child("description").Text() ?? string.Empty,
            Guardrails = guardrails,
            Allocation = allocation,
            Horizon = horizon,
            Decision = decision,
            OnWin = onWin,
        };
    }

    private static VariantDefinition ReadVariant(DefinitionNode node, string? baseDirectory)
    {
        if (!node.IsMapping)
        {
            node.Problem("a variant is an object: { name, text }");
            return new VariantDefinition(string.Empty, string.Empty);
        }

        node.RejectUnknown("name", "text", "rounds", "media", "account", "timeShift");
        var rounds = node.Child("rounds").Items().Select(r => r.RequiredText("the round's text")).ToList();
        var textNode = node.Child("text");
        var text = rounds.Count > 0 && textNode.IsMissing ? rounds[0] : textNode.RequiredText("the variant's text");
        var media = node.Child("media").Items().Select(m => ReadMedia(m, baseDirectory)).OfType<MediaAttachment>().ToList();
        return new VariantDefinition(node.Child("name").RequiredText("the variant's name"), text)
        {
            Rounds = rounds,
            Media = media,
            Account = node.Child("account").Text(),
            TimeShift = node.Child("timeShift").Duration() ?? TimeSpan.Zero,
        };
    }

    private static MediaAttachment? ReadMedia(DefinitionNode node, string? baseDirectory)
    {
        string? path;
        string? contentType = null;
        string? alt = null;
        if (node.IsMapping)
        {
            node.RejectUnknown("path", "contentType", "altText");
            path = node.Child("path").RequiredText("the media file's path");
            contentType = node.Child("contentType").Text();
            alt = node.Child("altText").Text();
        }
        else
        {
            path = node.RequiredText("the media file's path");
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), path));
        if (!File.Exists(full))
        {
            node.Problem($"media file not found: {full}");
        }

        contentType ??= Path.GetExtension(full).ToUpperInvariant() switch
        {
            ".PNG" => "image/png",
            ".JPG" or ".JPEG" => "image/jpeg",
            ".GIF" => "image/gif",
            ".WEBP" => "image/webp",
            ".MP4" => "video/mp4",
            _ => null,
        };
        if (contentType is null)
        {
            node.Problem("unknown media type; give 'contentType' (e.g. image/png)");
            return null;
        }

        return new MediaAttachment(full, contentType, alt);
    }

    private static MetricDefinition? ReadMetric(DefinitionNode node)
    {
        if (!node.IsMapping)
        {
            var preset = node.Text();
            if (preset is not null && MetricDefinition.Presets.TryGetValue(preset, out var metric))
            {
                return metric;
            }

            node.Problem($"unknown metric '{preset}'; use one of {string.Join(", ", MetricDefinition.Presets.Keys)} or {{ numerator: replies, denominator: impressions }}");
            return null;
        }

        node.RejectUnknown("name", "numerator", "denominator", "lowerIsBetter", "unit");
        var numerator = node.Child("numerator").RequiredText("the counter of successes, e.g. link_clicks");
        var denominator = node.Child("denominator").RequiredText("the counter of chances, e.g. impressions");
        return MetricDefinition.Ratio(numerator, denominator) with
        {
            Name = node.Child("name").Text() ?? $"{numerator} per {denominator}",
            Direction = node.Child("lowerIsBetter").Boolean() == true ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter,
            Unit = node.Child("unit").Enum(("impressions", AnalysisUnit.Impressions), ("posts", AnalysisUnit.Posts)),
        };
    }

    private static AllocationPlan ReadAllocation(DefinitionNode node, string? firstAccount, Func<string, TimeZoneInfo?>? zoneOf)
    {
        var plan = new AllocationPlan();
        if (node.IsMissing)
        {
            return plan;
        }

        if (!node.IsMapping)
        {
            node.Problem("allocation is an object: { postsPerVariant, start, dailySlots or every, seed }");
            return plan;
        }

        node.RejectUnknown("postsPerVariant", "start", "dailySlots", "every", "seed");
        var slots = new List<TimeOnly>();
        foreach (var item in node.Child("dailySlots").Items())
        {
            var text = item.Text();
            if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                slots.Add(time);
            }
            else
            {
                item.Problem($"'{text}' is not a time of day such as 09:00");
            }
        }

        DateTimeOffset? start = null;
        var startNode = node.Child("start");
        if (startNode.Text() is { } startText)
        {
            var zone = firstAccount is null ? null : zoneOf?.Invoke(firstAccount);
            try
            {
                start = ScheduleTimeParser.Parse(startText, zone ?? TimeZoneInfo.Utc).Utc;
                if (zone is null && !HasOffset().IsMatch(startText.Trim()))
                {
                    startNode.Problem($"'{startText}' is a local time but the account's time zone is unknown here; add an offset (2026-03-02T09:00+01:00)");
                }
            }
            catch (PostRequestException ex)
            {
                startNode.Problem(ex.Message);
            }
        }

        var posts = node.Child("postsPerVariant").Integer();
        var seed = node.Child("seed").Integer();
        return plan with
        {
            PostsPerVariant = posts is { } p ? (int)Math.Clamp(p, int.MinValue, int.MaxValue) : plan.PostsPerVariant,
            Start = start,
            DailySlots = slots,
            Every = node.Child("every").Duration() ?? plan.Every,
            Seed = seed is { } s ? unchecked((int)s) : plan.Seed,
        };
    }

    private static DecisionRule ReadDecision(DefinitionNode node)
    {
        var rule = new DecisionRule();
        if (node.IsMissing)
        {
            return rule;
        }

        (string, AnalysisMethod)[] methods = [("sequential", AnalysisMethod.Sequential), ("frequentist", AnalysisMethod.Frequentist), ("bayesian", AnalysisMethod.Bayesian)];
        if (!node.IsMapping)
        {
            return rule with { Method = node.Enum(methods) ?? rule.Method };
        }

        // "Chance to win" meant two things; the threshold is the chance to beat the control, and says so.
        if (node.Child("chanceToWin") is { IsMissing: false } renamed)
        {
            renamed.Problem("renamed to 'chanceToBeatControl' (the chance a variant beats the control, which a Bayesian decision needs); rename the key");
        }

        node.RejectUnknown("method", "alpha", "chanceToBeatControl", "chanceToWin", "prior", "minImpressionsPerVariant", "minEventsPerVariant", "minPostsPerVariant", "sequentialTuning", "lift");
        var minPosts = node.Child("minPostsPerVariant").Integer();
        return rule with
        {
            Method = node.Child("method").Enum(methods) ?? rule.Method,
            Alpha = node.Child("alpha").Number() ?? rule.Alpha,
            ChanceToBeatControl = node.Child("chanceToBeatControl").Number() ?? rule.ChanceToBeatControl,
            MinImpressionsPerVariant = node.Child("minImpressionsPerVariant").Integer() ?? rule.MinImpressionsPerVariant,
            MinEventsPerVariant = node.Child("minEventsPerVariant").Integer() ?? rule.MinEventsPerVariant,
            MinPostsPerVariant = minPosts is { } m ? (int)Math.Clamp(m, int.MinValue, int.MaxValue) : rule.MinPostsPerVariant,
            SequentialTuning = node.Child("sequentialTuning").Number() ?? rule.SequentialTuning,
            Lift = node.Child("lift").Enum(("relative", LiftKind.Relative), ("absolute", LiftKind.Absolute)) ?? rule.Lift,
            Prior = ReadPrior(node.Child("prior")),
        };
    }

    /// <summary><c>prior: none</c> (the default) or <c>prior: { mean: 0, sd: 0.3 }</c> on the relative lift (<c>scale: absolute</c> for rate points).</summary>
    private static NormalPrior? ReadPrior(DefinitionNode node)
    {
        if (node.IsMissing)
        {
            return null;
        }

        if (!node.IsMapping)
        {
            // Anything but 'none' is reported here.
            node.Enum(("none", true));
            return null;
        }

        node.RejectUnknown("mean", "sd", "scale");
        var sd = node.Child("sd");
        if (sd.IsMissing)
        {
            sd.Missing("a prior needs its standard deviation 'sd', e.g. { mean: 0, sd: 0.3 } (or 'prior: none')");
            return null;
        }

        var deviation = sd.Number();
        if (deviation is not > 0)
        {
            if (deviation is not null)
            {
                sd.Problem("must be above 0 (a smaller 'sd' is a stronger prior)");
            }

            return null;
        }

        var scale = node.Child("scale").Enum(("relative", LiftKind.Relative), ("absolute", LiftKind.Absolute)) ?? LiftKind.Relative;
        return new NormalPrior(node.Child("mean").Number() ?? 0, deviation.Value * deviation.Value, scale);
    }

    private static WinnerFollowUp ReadOnWin(DefinitionNode node)
    {
        if (node.IsMissing)
        {
            return WinnerFollowUp.None;
        }

        (string, bool)[] choices = [("evergreen", true), ("none", false)];
        if (!node.IsMapping)
        {
            return node.Enum(choices) == true ? WinnerFollowUp.Evergreen() : WinnerFollowUp.None;
        }

        node.RejectUnknown("schedule", "after", "account", "keepPosting");
        var schedule = node.Child("schedule").Enum(choices) ?? true;
        var followUp = schedule ? WinnerFollowUp.Evergreen(node.Child("after").Duration(), node.Child("account").Text()) : WinnerFollowUp.None;
        return followUp with { KeepPosting = node.Child("keepPosting").Boolean() ?? false };
    }

    /// <summary>Finds the node at a validator path such as <c>variants[1].text</c>, or its nearest existing ancestor.</summary>
    private static YamlNode? Locate(YamlNode root, string path)
    {
        var node = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            YamlNode? next = null;
            if (segment.Groups["key"].Success && node is YamlMappingNode mapping)
            {
                next = mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: { } k } && string.Equals(k, segment.Groups["key"].Value, StringComparison.OrdinalIgnoreCase)).Value;
            }
            else if (segment.Groups["index"].Success && node is YamlSequenceNode sequence)
            {
                var index = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture);
                next = index < sequence.Children.Count ? sequence.Children[index] : null;
            }

            if (next is null)
            {
                return node;
            }

            node = next;
        }

        return node;
    }

    [GeneratedRegex(@"(?<key>[A-Za-z]+)|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}
