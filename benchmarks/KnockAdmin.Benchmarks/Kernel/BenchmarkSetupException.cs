namespace KnockAdmin.Benchmarks.Kernel;

/// <summary>The machine cannot run a benchmark; the message says why.</summary>
public sealed class BenchmarkSetupException(string message) : Exception(message);
