using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>The client's word on which workflow may send which kind of message without a person approving it.</summary>
public interface IUnattendedPolicy
{
    bool AllowsUnattended(string source, MessageKind kind);
}
