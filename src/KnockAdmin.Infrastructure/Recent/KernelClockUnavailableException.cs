namespace KnockAdmin.Infrastructure.Recent;

/// <summary>The kernel's jiffies counter cannot be read, so stamps cannot be turned into times.</summary>
public sealed class KernelClockUnavailableException(string message) : Exception(message);
