namespace KoreaPolicy.Api.Tests;

/// <summary>The OpenAPI document through Redocly CLI, the linter partners run on the documents they are given.</summary>
public sealed class OpenApiLintTests(LoopbackApplication served) : IClassFixture<LoopbackApplication>
{
    [NodeFact]
    public async Task TheDocumentPassesRedoclysRecommendedRulesWithNoErrorAndNoWarning()
    {
        // The document as a running server sends it (its server URL the address it was reached at).
        var file = Path.Combine(served.Application.WorkFolder, "openapi.json");
        await File.WriteAllTextAsync(file, await served.Application.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));

        // tests/node/redocly.yaml: the recommended ruleset as Redocly ships it.
        var lint = await NodeTools.RunAsync("node_modules/@redocly/cli/bin/cli.js", "lint", file, "--format=json");

        var report = lint.Json();
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}");
        problems.Should().BeEmpty();
        report.GetProperty("totals").GetProperty("errors").GetInt32().Should().Be(0);
        report.GetProperty("totals").GetProperty("warnings").GetInt32().Should().Be(0);
        lint.ExitCode.Should().Be(0, lint.Errors);
    }
}
