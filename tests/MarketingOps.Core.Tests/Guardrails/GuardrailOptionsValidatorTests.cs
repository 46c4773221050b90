using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using MarketingOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class GuardrailOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new GuardrailOptionsValidator().Validate(null, new GuardrailOptions()).Succeeded);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_field()
    {
        var options = new GuardrailOptions
        {
            DuplicateWindow = TimeSpan.Zero,
            FanOutWindow = TimeSpan.FromHours(-1),
            NearDuplicateThreshold = 0.8,
            IdenticalThreshold = 0.7,
            FanOutLimit = 0,
            PostsPerDay = 0,
            RepliesPerHour = -1,
            DirectMessagesPerDay = 0,
            QuietHoursStart = new TimeOnly(22, 0),
            QuietHoursEnd = null,
        };

        var failures = new GuardrailOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var field in new[] { "DuplicateWindow", "FanOutWindow", "IdenticalThreshold", "FanOutLimit", "PostsPerDay", "RepliesPerHour", "DirectMessagesPerDay", "QuietHoursStart" })
        {
            Assert.Contains(failures, f => f.StartsWith($"Guardrails:{field}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_zero_to_one_is_refused(double threshold)
    {
        var result = new GuardrailOptionsValidator().Validate(null, new GuardrailOptions { NearDuplicateThreshold = threshold });
        Assert.Contains(result.Failures!, f => f.StartsWith("Guardrails:NearDuplicateThreshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Equal_quiet_hour_bounds_are_refused()
    {
        var result = new GuardrailOptionsValidator().Validate(null, new GuardrailOptions { QuietHoursStart = new TimeOnly(1, 0), QuietHoursEnd = new TimeOnly(1, 0) });
        Assert.Contains(result.Failures!, f => f.StartsWith("Guardrails:QuietHoursEnd", StringComparison.Ordinal));
    }

    [Fact]
    public void The_service_collection_extension_resolves_the_pipeline_and_validates_options()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPlatformRegistry>(new FakeRegistry([], []));
        services.AddInMemoryGuardrailStores();
        services.AddGuardrails(o => o.FanOutLimit = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GuardrailOptions>>().Value);
        Assert.Contains("FanOutLimit", error.Message, StringComparison.Ordinal);

        var valid = new ServiceCollection()
            .AddSingleton<IPlatformRegistry>(new FakeRegistry([], []))
            .AddInMemoryGuardrailStores()
            .AddGuardrails();
        using var validProvider = valid.BuildServiceProvider();
        Assert.IsType<GuardrailPipeline>(validProvider.GetRequiredService<IGuardrails>());
    }
}
