using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Host.Dashboard;

/// <summary>The dashboard's services: Razor Components rendered on the server only (no circuits, no WebAssembly).</summary>
internal static class DashboardServices
{
    public static IServiceCollection AddMopsDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        return services;
    }
}
