namespace MarketingOps.Sdk;

/// <summary>The answer of a reconciliation lookup.</summary>
public enum LookupStatus
{
    /// <summary>The post exists.</summary>
    Found,

    /// <summary>The post definitely does not exist.</summary>
    NotFound,

    /// <summary>The platform could not be asked or could not tell.</summary>
    Unknown,
}
