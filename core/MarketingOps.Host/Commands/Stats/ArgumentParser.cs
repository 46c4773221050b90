using System.Globalization;

namespace MarketingOps.Host.Commands.Stats;

/// <summary>
/// Parses the stats commands' values; every failure is collected as one sentence that names the option,
/// quotes the text and says what was expected.
/// </summary>
internal sealed class ArgumentParser
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Fail(string message) => _errors.Add(message);

    /// <summary>"CLICKS/IMPRESSIONS", e.g. "120/4000".</summary>
    public (long Events, long Trials)? Counts(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail($"{option} is required, as CLICKS/IMPRESSIONS (e.g. 120/4000).");
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            Fail($"{option} '{text}' is not CLICKS/IMPRESSIONS (e.g. 120/4000).");
            return null;
        }

        var events = WholeNumber(parts[0], $"{option} '{text}': clicks");
        var trials = WholeNumber(parts[1], $"{option} '{text}': impressions");
        if (events is null || trials is null)
        {
            return null;
        }

        if (trials == 0)
        {
            Fail($"{option} '{text}': impressions must be more than 0.");
            return null;
        }

        if (events > trials)
        {
            Fail($"{option} '{text}': clicks ({events}) cannot exceed impressions ({trials}).");
            return null;
        }

        return (events.Value, trials.Value);
    }

    /// <summary>A comma-separated list of whole numbers ≥ 0.</summary>
    public long[]? WholeNumbers(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail($"{option} is required, as N,N[,N…] (e.g. 1000,1200).");
            return null;
        }

        var values = text.Split(',').Select((part, i) => WholeNumber(part, $"{option} '{text}': value {i + 1}")).ToArray();
        return values.All(v => v is not null) ? values.Select(v => v!.Value).ToArray() : null;
    }

    /// <summary>A comma-separated list of numbers ≥ 0.</summary>
    public double[]? Weights(string text, string option)
    {
        var values = text.Split(',').Select((part, i) => Number(part, $"{option} '{text}': value {i + 1}", w => w >= 0, "zero or more")).ToArray();
        return values.All(v => v is not null) ? values.Select(v => v!.Value).ToArray() : null;
    }

    /// <summary>A number written with a decimal point that satisfies <paramref name="valid"/>.</summary>
    public double? Number(string? text, string what, Func<double, bool> valid, string expectation)
    {
        ArgumentNullException.ThrowIfNull(valid);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail($"{what} '{text}' is not a number (write decimals with a point, e.g. 0.05).");
            return null;
        }

        if (!valid(value))
        {
            Fail($"{what} is {text}; it must be {expectation}.");
            return null;
        }

        return value;
    }

    private long? WholeNumber(string text, string what)
    {
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Fail($"{what} '{text}' is not a whole number ≥ 0.");
            return null;
        }

        return value;
    }
}
