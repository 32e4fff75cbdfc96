namespace KoreaPolicy.Api.Tests;

public sealed class SmokeTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    [Fact]
    public async Task TheArticleIsServedAfterStartUpIngestion()
    {
        var response = await app.CreateClient().GetAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}");
        response.EnsureSuccessStatusCode();
    }
}
