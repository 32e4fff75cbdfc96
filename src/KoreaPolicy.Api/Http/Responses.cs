namespace KoreaPolicy.Api.Http;

// Response shapes shared by several resources. The <example> texts feed Swagger's examples.

/// <summary>A list of resources, with its size and its own link.</summary>
/// <typeparam name="T">The resource listed.</typeparam>
public sealed record ListResponse<T>
{
    /// <summary>The resources, in the list's order.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>How many resources the list holds.</summary>
    /// <example>1</example>
    public required int Total { get; init; }

    /// <summary>Where this list is.</summary>
    public required SelfLink Links { get; init; }
}

/// <summary>A link to the resource itself.</summary>
public sealed record SelfLink
{
    /// <summary>This resource.</summary>
    /// <example>/api/articles</example>
    public required string Self { get; init; }
}

/// <summary>An author or theme as an article names it.</summary>
public sealed record NamedResponse
{
    /// <summary>Its slug, stable across ingestions.</summary>
    /// <example>bruce-klingner</example>
    public required string Slug { get; init; }

    /// <summary>Its name as written.</summary>
    /// <example>Bruce Klingner</example>
    public required string Name { get; init; }

    public required NamedLinks Links { get; init; }
}

/// <summary>Links of an author or theme.</summary>
public sealed record NamedLinks
{
    /// <summary>The author or theme.</summary>
    /// <example>/api/authors/bruce-klingner</example>
    public required string Self { get; init; }

    /// <summary>Its articles.</summary>
    /// <example>/api/authors/bruce-klingner/articles</example>
    public required string Articles { get; init; }
}
