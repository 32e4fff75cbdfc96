using System.Reflection;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Storage;
using NetArchTest.Rules;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The layers of ARCHITECTURE.md, checked on the compiled assemblies: NetArchTest reads every
/// type's fields, signatures, attributes and method bodies (IL) with Mono.Cecil, so a fully
/// qualified name counts as much as a <c>using</c>. A namespace that depends upwards fails here.
/// What the compiler copies into the caller leaves no trace to check: a <c>const</c> (such as
/// <c>StatusCodes.Status404NotFound</c>) and <c>nameof</c>.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Hosting = "KoreaPolicy.Api.Hosting";
    private const string Http = "KoreaPolicy.Api.Http";
    private const string Rendering = "KoreaPolicy.Api.Rendering";
    private const string AspNetCore = "Microsoft.AspNetCore";

    private static readonly Assembly Host = typeof(KoreaPolicyHosting).Assembly;
    private static readonly Assembly Engine = typeof(ArchiveReader).Assembly;

    /// <summary>Every other folder of the host is an endpoint folder (Articles, Citations, ...), a new one included.</summary>
    private static readonly string[] EndpointFolders = Host.GetTypes()
        .Select(t => t.Namespace)
        .OfType<string>()
        .Where(n => n.StartsWith("KoreaPolicy.Api.", StringComparison.Ordinal))
        .Select(n => string.Join('.', n.Split('.').Take(3)))
        .Where(n => n is not (Hosting or Http or Rendering))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void TheChecksSeeTheDependenciesThatAreThere()
    {
        // Without this, a check that saw nothing would pass everything.
        EndpointFolders.Should().Contain(["KoreaPolicy.Api.Articles", "KoreaPolicy.Api.Citations", "KoreaPolicy.Api.Indexes", "KoreaPolicy.Api.Pages"]);
        Uses(Host, "KoreaPolicy.Api.Articles", Http).Should().NotBeEmpty();
        Uses(Host, "KoreaPolicy.Api.Citations", Rendering).Should().NotBeEmpty();
        Uses(Host, Hosting, "KoreaPolicy.Api.Indexes").Should().NotBeEmpty();
        Uses(Host, Rendering, Http).Should().NotBeEmpty();
        Uses(Engine, "KoreaPolicy.Storage", "KoreaPolicy.Model").Should().NotBeEmpty();
    }

    [Fact]
    public void HttpUsesNoEndpointFolderNorRenderingNorHosting() =>
        Uses(Host, Http, [.. EndpointFolders, Rendering, Hosting]).Should().BeEmpty();

    [Fact]
    public void RenderingUsesNoEndpointFolderNorHostingNorAspNetCore() =>
        Uses(Host, Rendering, [.. EndpointFolders, Hosting, AspNetCore]).Should().BeEmpty("rendering is model and links in, text out: testable without a server");

    [Fact]
    public void EndpointFoldersNeverUseHosting()
    {
        foreach (var folder in EndpointFolders)
        {
            Uses(Host, folder, Hosting).Should().BeEmpty(folder);
        }
    }

    [Fact]
    public void EndpointFoldersDependOnEachOtherOneWayOnly()
    {
        var uses = EndpointFolders.ToDictionary(
            folder => folder,
            folder => EndpointFolders.Where(other => other != folder && Uses(Host, folder, other).Count > 0).ToList());

        // A depth-first walk finds any cycle, however long.
        var done = new HashSet<string>();
        foreach (var folder in EndpointFolders)
        {
            Cycle(folder, [], uses, done).Should().BeNull("endpoint folders depend only downwards; these use each other");
        }
    }

    [Fact]
    public void TheEngineNeverUsesAspNetCore() =>
        Uses(Engine, "KoreaPolicy", AspNetCore).Should().BeEmpty();

    [Fact]
    public void IngestionAndStorageDoNotUseEachOther()
    {
        Uses(Engine, "KoreaPolicy.Ingestion", "KoreaPolicy.Storage").Should().BeEmpty();
        Uses(Engine, "KoreaPolicy.Storage", "KoreaPolicy.Ingestion").Should().BeEmpty();
    }

    [Fact]
    public void TheModelAndTheQueryLanguageUseNoOtherPartOfTheEngine()
    {
        Uses(Engine, "KoreaPolicy.Model", "KoreaPolicy.Ingestion", "KoreaPolicy.Storage", "KoreaPolicy.Search").Should().BeEmpty();
        Uses(Engine, "KoreaPolicy.Search", "KoreaPolicy.Ingestion", "KoreaPolicy.Storage", "KoreaPolicy.Model").Should().BeEmpty();
    }

    [Fact]
    public void TheEnginesMetricsUseOnlyTheModel() =>
        Uses(Engine, "KoreaPolicy.Diagnostics", "KoreaPolicy.Ingestion", "KoreaPolicy.Storage", "KoreaPolicy.Search", "OpenTelemetry").Should().BeEmpty(
            "the meters are System.Diagnostics.Metrics, which the runtime has; exporting them is the host's");

    /// <summary>The types of a namespace (and those below it) that use any of the given namespaces or types, each with why.</summary>
    private static List<string> Uses(Assembly assembly, string layer, params string[] used)
    {
        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny(used)
            .GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => $"{t.FullName} {t.Explanation}").ToList();
    }

    private static string? Cycle(string folder, List<string> path, Dictionary<string, List<string>> uses, HashSet<string> done)
    {
        if (path.Contains(folder))
        {
            return string.Join(" → ", path.SkipWhile(p => p != folder).Append(folder));
        }

        if (!done.Add(folder))
        {
            return null;
        }

        path.Add(folder);
        var cycle = uses[folder].Select(next => Cycle(next, path, uses, done)).FirstOrDefault(c => c is not null);
        path.RemoveAt(path.Count - 1);
        return cycle;
    }
}
