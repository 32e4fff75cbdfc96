using System.Globalization;
using System.Reflection;
using KoreaPolicy.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KoreaPolicy.Api.Hosting;

/// <summary>The OpenAPI document Swagger UI browses: titles, XML comments and response schemas.</summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    /// <summary>
    /// The served document names the server it came from (<c>Site:BaseUrl</c>, else the request's
    /// scheme and host), so a client generated from it or Swagger UI's Try it out calls the same
    /// server whatever proxy is in front.
    /// </summary>
    public static void ConfigureEndpoint(SwaggerOptions options) =>
        options.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = PublicUrls.For(request).Base, Description = "This server" }]);

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc(DocumentName, new OpenApiInfo
        {
            Title = "KoreaPolicy API",
            Version = DocumentName,
            Description = "The journal Korea Policy (Korea Economic Institute of America) as a structured archive: "
                + "articles, their sections and paragraphs, authors, themes, journals and issues. Errors are RFC 9457 problem details.",
            // The texts are the publisher's: what a partner may do with them is KEI's to say, not this API's.
            License = new OpenApiLicense { Name = "Articles © Korea Economic Institute of America, reused on its terms", Url = new Uri("https://keia.org") },
        });

        // Reading is open to everyone: one security requirement with no scheme in it says so
        // (OpenAPI's way to write "no authentication"), rather than leaving it unsaid.
        options.AddSecurityRequirement(_ => new OpenApiSecurityRequirement());
        options.DocumentFilter<TagDescriptionsFilter>();
        options.ParameterFilter<DocumentedTypeFilter>();

        // HEAD answers like GET (HeadRequests); documenting it twice would only repeat every operation.
        options.DocInclusionPredicate((document, api) =>
            api.HttpMethod != HttpMethods.Head && (api.GroupName is null || api.GroupName == document));

        // The XML comments of response records and handlers become schema and parameter descriptions and examples.
        var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
        if (File.Exists(xml))
        {
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
        }

        // The HTML, Markdown, text and JSON-LD representations beside the JSON of a 200.
        options.OperationFilter<RepresentationsOperationFilter>();

        // Nested response records share short names (Links, ...): the full name keeps schema ids unique.
        options.CustomSchemaIds(type => type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}Of{string.Join("And", type.GetGenericArguments().Select(t => t.Name))}"
            : type.Name);
    }
}

/// <summary>
/// What each group of operations is, for the document's tag list (the tags themselves come from
/// each group's <c>WithTags</c>); a tag missing here fails <c>OpenApiDocumentTests</c> through the lint.
/// </summary>
public sealed class TagDescriptionsFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Articles"] = "Articles whole or in parts (sections, paragraphs), as JSON or in other formats.",
        ["Authors"] = "The journal's authors, with their article counts and articles.",
        ["Citations"] = "How to cite an article, a section or a paragraph: APA, Chicago, MLA, BibTeX, RIS and CSL-JSON.",
        ["Embeds"] = "oEmbed answers for article pages and their paragraph and section anchors.",
        ["Journals"] = "Journals and their issues.",
        ["Search"] = "Full-text search of paragraphs.",
        ["Themes"] = "The themes articles are filed under, with their article counts and articles.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag is OpenApiTag { Name: { } name } described && Descriptions.TryGetValue(name, out var description))
            {
                described.Description = description;
            }
        }
    }
}

/// <summary>Applies <see cref="DocumentedAsAttribute"/> to a parameter's schema.</summary>
public sealed class DocumentedTypeFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var documented = context.PropertyInfo?.GetCustomAttribute<DocumentedAsAttribute>()
            ?? context.ParameterInfo?.GetCustomAttribute<DocumentedAsAttribute>();
        if (documented is null || parameter is not OpenApiParameter { Schema: OpenApiSchema schema })
        {
            return;
        }

        schema.Type = documented.Type;
        schema.Format = documented.Format;
        schema.Minimum = documented.Minimum?.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = documented.Maximum?.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Adds the media types of <see cref="RepresentationsMetadata"/> to the 200 response, each a string.</summary>
public sealed class RepresentationsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RepresentationsMetadata>().FirstOrDefault();
        if (metadata is null || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse { Content: { } content })
        {
            return;
        }

        foreach (var mediaType in metadata.MediaTypes)
        {
            content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }
}
