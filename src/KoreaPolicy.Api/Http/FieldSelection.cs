using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// Sparse fieldsets: <c>fields=slug,title,published</c> returns only those fields of a resource,
/// or of each item of a paged list of them. Applied as an endpoint filter after the handler, so
/// handlers and the OpenAPI document keep their full, typed responses.
/// </summary>
public static class FieldSelection
{
    public const string Parameter = "fields";

    public const string Description =
        "Only these fields of each article, comma-separated, e.g. slug,title,published. An unknown field is a 400 listing the valid ones.";

    /// <summary>Lets <c>fields</c> trim responses of <typeparamref name="TResource"/> (alone or as a page's items).</summary>
    public static TBuilder WithFieldSelection<TBuilder, TResource>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var requested = context.HttpContext.Request.Query[Parameter];
            if (requested.Count == 0)
            {
                return await next(context);
            }

            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var valid = options.GetTypeInfo(typeof(TResource)).Properties.Select(p => p.Name).ToList();
            var fields = QueryErrors.List(requested).ToHashSet(StringComparer.Ordinal);
            var unknown = fields.Where(f => !valid.Contains(f)).ToList();
            if (fields.Count == 0 || unknown.Count > 0)
            {
                var reason = fields.Count == 0
                    ? "names no field"
                    : $"has unknown field{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}";
                return Problems.InvalidParameter(Parameter, $"{reason}; valid fields are {string.Join(", ", valid)}");
            }

            var result = await next(context);
            return Paging.Unwrap(result) switch
            {
                IValueHttpResult { Value: TResource resource } => TypedResults.Json(Trim(JsonSerializer.SerializeToNode(resource, options)!.AsObject(), fields), options),
                IValueHttpResult { Value: IPagedResponse page } => TypedResults.Json(TrimItems(JsonSerializer.SerializeToNode(page, page.GetType(), options)!.AsObject(), fields), options),
                _ => result,
            };
        });

    private static JsonObject Trim(JsonObject resource, HashSet<string> fields)
    {
        foreach (var name in resource.Select(p => p.Key).Where(k => !fields.Contains(k)).ToList())
        {
            resource.Remove(name);
        }

        return resource;
    }

    private static JsonObject TrimItems(JsonObject page, HashSet<string> fields)
    {
        foreach (var item in page["items"]!.AsArray())
        {
            Trim(item!.AsObject(), fields);
        }

        return page;
    }
}
