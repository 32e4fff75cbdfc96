namespace KoreaPolicy.Api.Http;

/// <summary>
/// The media types an endpoint reads its body in, for the OpenAPI document only. ASP.NET's own
/// <c>Accepts</c> metadata would also make routing answer 415 for any other type, before
/// authorization: a request without a key would learn the accepted types instead of getting 401,
/// and the refusal would miss the write audit. The endpoint checks the type itself.
/// </summary>
public sealed record RequestBodyMetadata(IReadOnlyList<string> MediaTypes);
