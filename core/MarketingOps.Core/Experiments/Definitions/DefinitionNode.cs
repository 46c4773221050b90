using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>A node of a definition file with its path (<c>variants[1].text</c>) and position; every problem found through it names both.</summary>
internal sealed class DefinitionNode(YamlNode? node, string path, string file, List<DefinitionProblem> problems)
{
    public YamlNode? Node => node;

    public string Path => path;

    public bool IsMissing => node is null || (node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain });

    public bool IsMapping => node is YamlMappingNode;

    public bool IsSequence => node is YamlSequenceNode;

    public void Problem(string message) => problems.Add(new DefinitionProblem(file, Line, Column, path, message));

    /// <summary>A problem at a child path, located at this node (the child is missing).</summary>
    public void Problem(string child, string message) => problems.Add(new DefinitionProblem(file, Line, Column, Join(child), message));

    public int? Line => node is null ? null : (int)node.Start.Line;

    public int? Column => node is null ? null : (int)node.Start.Column;

    public DefinitionNode Child(string key)
    {
        if (node is YamlMappingNode mapping)
        {
            foreach (var (k, v) in mapping.Children)
            {
                if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return new DefinitionNode(v, Join(key), file, problems);
                }
            }
        }

        return new DefinitionNode(null, Join(key), file, problems) { Parent = this };
    }

    /// <summary>For a missing node: the nearest node that exists, so a "missing" problem still gets a line.</summary>
    public DefinitionNode? Parent { get; private init; }

    public void Missing(string message)
    {
        var anchor = Parent;
        problems.Add(new DefinitionProblem(file, anchor?.Line, anchor?.Column, path, message));
    }

    public void RejectUnknown(params string[] known)
    {
        if (node is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var (k, _) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new DefinitionProblem(file, (int)k.Start.Line, (int)k.Start.Column, Join(name), $"unknown key '{name}'; expected one of {string.Join(", ", known)}"));
            }
        }
    }

    public IReadOnlyList<DefinitionNode> Items()
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children.Select((child, i) => new DefinitionNode(child, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), file, problems))];
        }

        if (!IsMissing)
        {
            Problem("must be a list");
        }

        return [];
    }

    public string? Text()
    {
        if (IsMissing)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Problem("must be a single value, not a list or an object");
        return null;
    }

    public string RequiredText(string what)
    {
        var text = Text();
        if (string.IsNullOrWhiteSpace(text))
        {
            if (IsMissing)
            {
                Missing($"missing: {what}");
            }
            else if (node is YamlScalarNode)
            {
                Problem($"is empty: {what}");
            }

            return string.Empty;
        }

        return text;
    }

    public double? Number()
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Problem($"'{text}' is not a number");
        return null;
    }

    public long? Integer()
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem($"'{text}' is not a whole number");
        return null;
    }

    public bool? Boolean()
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem($"'{text}' is not true or false");
        return null;
    }

    public TimeSpan? Duration()
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        Problem($"'{text}' is not a duration; write 7d, 36h, 90m, 1d12h or ISO 8601 (P7D)");
        return null;
    }

    public TEnum? Enum<TEnum>(params (string Name, TEnum Value)[] names)
        where TEnum : struct
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Problem($"'{text}' is not one of {string.Join(", ", names.Select(n => n.Name))}");
        return null;
    }

    private string Join(string key) => path.Length == 0 ? key : $"{path}.{key}";
}
