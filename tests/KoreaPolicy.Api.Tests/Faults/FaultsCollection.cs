namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The fault tests run child processes, kill them and time them: alone, after the other tests, so
/// that they neither slow nor are slowed by the rest of the suite on a two-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
