using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Swagger UI as a reader uses it: headless Chromium, driven by Playwright, against the real
/// application served by Kestrel on a loopback port (not the in-memory test server, which a
/// browser cannot reach).
/// </summary>
public sealed class SwaggerUiBrowserTests
{
    /// <summary>Generous: a cold Chromium and a first Swagger UI render on a 2-core CI machine.</summary>
    private const float Timeout = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        // Headless = true adds Playwright's own headless switch; these keep Chromium quiet,
        // offline and able to run as root in a container.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ];

    [ChromiumFact]
    public async Task SwaggerUiTriesGetArticleAndShowsTheArticleJson()
    {
        const string slug = KoreaPolicyApplication.ArticleSlug;

        // --- The application on 127.0.0.1, on a port the OS picks.
        await using var app = new KoreaPolicyApplication();
        app.UseKestrel(0);
        app.StartServer();
        var baseAddress = app.ClientOptions.BaseAddress;

        // What the page should show: the article as the API serves it over the same socket.
        using var http = app.CreateClient();
        var expected = JsonNode.Parse(await http.GetStringAsync($"/api/articles/{slug}"))!;

        await OnSwaggerUiAsync(baseAddress, async page =>
        {
            // GET /api/articles/{slug}: tag "Articles", operation id "GetArticle".
            var operation = page.Locator("#operations-Articles-GetArticle");
            await operation.Locator(".opblock-summary-control").ClickAsync();
            await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
            await operation.Locator("tr[data-param-name='slug'] input").FillAsync(slug);
            await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

            var response = operation.Locator(".live-responses-table .response");
            await Expect(response.Locator(".response-col_status")).ToHaveTextAsync("200", new() { Timeout = Timeout });
            var body = response.Locator(".response-col_description .highlight-code pre").First;
            await Expect(body).ToContainTextAsync(slug, new() { Timeout = Timeout });

            var shown = JsonNode.Parse(await body.TextContentAsync() ?? "")!;
            shown["slug"]!.GetValue<string>().Should().Be(slug);
            shown["authors"]![0]!["name"]!.GetValue<string>().Should().Be("Bruce Klingner");
            shown["sections"]![0]!["paragraphs"]![0]!["text"]!.GetValue<string>()
                .Should().Be(expected["sections"]![0]!["paragraphs"]![0]!["text"]!.GetValue<string>());
            JsonNode.DeepEquals(shown, expected).Should().BeTrue("the page shows the whole article as the API serves it");
        });
    }

    [ChromiumFact]
    public async Task SwaggerUiAuthorisesWithAKeyAndWithdrawsAnArticle()
    {
        const string slug = KoreaPolicyApplication.ArticleSlug;
        await using var app = new KoreaPolicyApplication();
        app.UseKestrel(0);
        app.StartServer();
        var baseAddress = app.ClientOptions.BaseAddress;
        var key = app.AddKey("write");

        await OnSwaggerUiAsync(baseAddress, async page =>
        {
            // The Authorize button takes the key for the document's bearer scheme.
            await page.Locator(".auth-wrapper .authorize").ClickAsync();
            var dialog = page.Locator(".modal-ux");
            await dialog.Locator("input").First.FillAsync(key);
            // Swagger UI labels its buttons for screen readers ("Apply credentials"): found by their classes.
            await dialog.Locator("button.modal-btn.authorize").ClickAsync();
            await Expect(dialog).ToContainTextAsync("Logout");
            await dialog.Locator("button.btn-done").ClickAsync();

            // DELETE /api/articles/{slug}: tag "Publishing", operation id "WithdrawArticle".
            var operation = page.Locator("#operations-Publishing-WithdrawArticle");
            await operation.Locator(".opblock-summary-control").ClickAsync();
            await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
            await operation.Locator("tr[data-param-name='slug'] input").FillAsync(slug);
            await operation.Locator("tr[data-param-name='If-Match'] input").FillAsync("*");
            await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

            var response = operation.Locator(".live-responses-table .response");
            await Expect(response.Locator(".response-col_status")).ToHaveTextAsync("200", new() { Timeout = Timeout });
            var body = response.Locator(".response-col_description .highlight-code pre").First;
            await Expect(body).ToContainTextAsync("withdrawn", new() { Timeout = Timeout });
            JsonNode.Parse(await body.TextContentAsync() ?? "")!["outcome"]!.GetValue<string>().Should().Be("withdrawn");
        });

        using var http = app.CreateClient();
        (await http.GetAsync($"/api/articles/{slug}")).StatusCode.Should().Be(System.Net.HttpStatusCode.Gone);
    }

    /// <summary>
    /// Swagger UI at <paramref name="baseAddress"/> in headless Chromium with a throw-away profile
    /// (Playwright takes a user data dir only this way); a failure carries a screenshot's path.
    /// </summary>
    private static async Task OnSwaggerUiAsync(Uri baseAddress, Func<IPage, Task> use, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("koreapolicy-chromium-");
        try
        {
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = Timeout,
            });
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            page.SetDefaultTimeout(Timeout);

            try
            {
                await page.GotoAsync(new Uri(baseAddress, "/swagger").ToString());
                await use(page);
            }
            catch (Exception failure)
            {
                throw new XunitException($"{failure.Message}{Environment.NewLine}Screenshot: {await TryScreenshotAsync(page, test)}", failure);
            }
        }
        finally
        {
            TryDelete(profile);
        }
    }

    /// <summary>The page as it stood at the failure, saved beside the test assembly.</summary>
    private static async Task<string> TryScreenshotAsync(IPage page, string test)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{test}.png");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = Timeout });
            return path;
        }
        catch (PlaywrightException e)
        {
            return $"none ({e.Message})";
        }
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; a stray temp folder is harmless.
        }
    }
}
