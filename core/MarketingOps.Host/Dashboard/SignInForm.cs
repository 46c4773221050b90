namespace MarketingOps.Host.Dashboard;

/// <summary>The sign-in form's fields.</summary>
internal sealed class SignInForm
{
    public string? Name { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
