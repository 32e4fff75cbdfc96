using System.ComponentModel;
using System.Globalization;
using KoreaPolicy.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace KoreaPolicy.Api.Http;

/// <summary>The <c>page</c> and <c>pageSize</c> of every paged list.</summary>
public sealed record PageParameters
{
    [FromQuery(Name = "page"), DocumentedAs(1, int.MaxValue / PageRequest.MaxSize), Description("The 1-based page to return. Default 1; a page beyond the last is empty.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), DocumentedAs(1, PageRequest.MaxSize), Description("Items per page, 1 to 100. Default 20.")]
    public string? PageSize { get; init; }

    public PageRequest Parse(QueryErrors errors) => new(
        errors.Integer("page", Page, 1, int.MaxValue / PageRequest.MaxSize) ?? 1,
        errors.Integer("pageSize", PageSize, 1, PageRequest.MaxSize) ?? PageRequest.DefaultSize);
}

/// <summary>A page of a list: its items, where it stands, and links to its neighbours.</summary>
/// <typeparam name="T">The resource listed.</typeparam>
public sealed record PagedResponse<T> : IPagedResponse
{
    /// <summary>The page's items.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>How many items the whole list holds.</summary>
    /// <example>1</example>
    public required int Total { get; init; }

    /// <summary>This page's number, from 1.</summary>
    /// <example>1</example>
    public required int Page { get; init; }

    /// <summary>Items per page.</summary>
    /// <example>20</example>
    public required int PageSize { get; init; }

    /// <summary>How many pages the list has (at least 1).</summary>
    /// <example>1</example>
    public required int TotalPages { get; init; }

    /// <summary>This page and its neighbours; the same links are in the RFC 8288 Link header.</summary>
    public required PageLinks Links { get; init; }
}

/// <summary>A page's links. <c>prev</c> and <c>next</c> are null on the first and last pages.</summary>
public sealed record PageLinks
{
    /// <example>/api/articles?page=2</example>
    public required string Self { get; init; }

    /// <example>/api/articles?page=1</example>
    public required string First { get; init; }

    /// <example>/api/articles?page=1</example>
    public required string? Prev { get; init; }

    /// <example>/api/articles?page=3</example>
    public required string? Next { get; init; }

    /// <example>/api/articles?page=5</example>
    public required string Last { get; init; }
}

/// <summary>What the paging headers need from a page, whatever it lists.</summary>
public interface IPagedResponse
{
    int Total { get; }

    PageLinks Links { get; }
}

public static class Paging
{
    /// <summary>A page as a response, its links keeping every other query parameter of the request.</summary>
    public static PagedResponse<TOut> ToResponse<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map, HttpRequest request)
    {
        string Link(int number) => LinkTo(request, number);
        var last = page.TotalPages;
        var number = page.Request.Number;
        return new PagedResponse<TOut>
        {
            Items = page.Items.Select(map).ToList(),
            Total = page.Total,
            Page = number,
            PageSize = page.Request.Size,
            TotalPages = last,
            Links = new PageLinks
            {
                Self = Link(number),
                First = Link(1),
                // From a page beyond the end, "prev" leads back to the last real page.
                Prev = number > 1 ? Link(Math.Min(number - 1, last)) : null,
                Next = number < last ? Link(number + 1) : null,
                Last = Link(last),
            },
        };
    }

    /// <summary>
    /// Adds the RFC 8288 <c>Link</c> header (first, prev, next, last) and <c>X-Total-Count</c> to
    /// every paged response of the endpoints it is added to.
    /// </summary>
    public static TBuilder WithPagingHeaders<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (Unwrap(result) is IValueHttpResult { Value: IPagedResponse page })
            {
                var headers = context.HttpContext.Response.Headers;
                headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
                headers.Link = string.Join(", ", new[]
                {
                    ("first", page.Links.First),
                    ("prev", page.Links.Prev),
                    ("next", page.Links.Next),
                    ("last", page.Links.Last),
                }.Where(l => l.Item2 is not null).Select(l => $"<{l.Item2}>; rel=\"{l.Item1}\""));
            }

            return result;
        });

    /// <summary>The result inside a <c>Results&lt;...&gt;</c> union, or the result itself.</summary>
    public static object? Unwrap(object? result) => result is INestedHttpResult nested ? nested.Result : result;

    private static string LinkTo(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var pairs = query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return $"{request.PathBase}{request.Path}{QueryString.Create(pairs)}";
    }
}

/// <summary>
/// Collects what is wrong with a request's query parameters, so that a 400 names every bad
/// parameter at once rather than the first one.
/// </summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string parameter, string reason) =>
        errors[parameter] = errors.TryGetValue(parameter, out var existing) ? [.. existing, reason] : [reason];

    /// <summary>A whole number in range, null when absent (or wrong, with the error recorded).</summary>
    public int? Integer(string parameter, string? value, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Add(parameter, $"must be a whole number from {min} to {max}; got '{value}'");
            return null;
        }

        return number;
    }

    /// <summary>An ISO 8601 date (yyyy-MM-dd), null when absent (or wrong, with the error recorded).</summary>
    public DateOnly? Date(string parameter, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(parameter, $"must be a date as yyyy-MM-dd; got '{value}'");
            return null;
        }

        return date;
    }

    /// <summary>Several values given as repeated parameters, comma-separated, or both.</summary>
    public static IReadOnlyList<string> List(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ToProblem() => Problems.InvalidParameters(errors);
}
