namespace MarketingOps.Scripting;

/// <summary>How an experiment decides.</summary>
public enum DecisionMethod
{
    /// <summary>Always-valid confidence sequences: safe to look at any time.</summary>
    Sequential,

    /// <summary>A fixed-horizon test at the end.</summary>
    Frequentist,

    /// <summary>Chance to beat control and expected loss.</summary>
    Bayesian,

    /// <summary>No winner is declared: Thompson sampling keeps rotating variants, favouring the better ones.</summary>
    Bandit,
}
