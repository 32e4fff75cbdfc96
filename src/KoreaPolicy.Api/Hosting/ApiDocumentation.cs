using System.Reflection;
using KoreaPolicy.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KoreaPolicy.Api.Hosting;

/// <summary>The OpenAPI document Swagger UI browses: titles, XML comments and response schemas.</summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc(DocumentName, new OpenApiInfo
        {
            Title = "KoreaPolicy API",
            Version = DocumentName,
            Description = "The journal Korea Policy (Korea Economic Institute of America) as a structured archive: "
                + "articles, their sections and paragraphs, authors, themes, journals and issues. Errors are RFC 9457 problem details.",
        });

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
