using Microsoft.OpenApi;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// A query or path parameter bound as text so that a malformed value gets this API's problem
/// (naming the parameter and what is wrong) rather than the framework's bare 400, documented as
/// the integer or date it must be, so clients generated from the document send the right type.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DocumentedAsAttribute(JsonSchemaType type, string format) : Attribute
{
    /// <summary>A date, yyyy-MM-dd: OpenAPI's <c>date</c> format.</summary>
    public const string Date = "date";

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public DocumentedAsAttribute(int minimum, int maximum)
        : this(JsonSchemaType.Integer, "int32")
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public JsonSchemaType Type { get; } = type;

    public string Format { get; } = format;

    public int? Minimum { get; }

    public int? Maximum { get; }
}
