using System.Runtime.CompilerServices;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// How a resource picks its representation from a request, as a short name: "json", "html",
/// "bibliography/mla". The response store keys a stored answer by this name, the outcome of the
/// negotiation, never by the request's <c>Accept</c> text, which a client may make different and
/// as long as the server allows on every request. An endpoint that negotiates records its choice
/// with <see cref="Record"/>; one that records none has a single representation.
/// </summary>
public abstract class RepresentationChoice
{
    /// <summary>The choice of an endpoint that does not negotiate: one representation, whatever the request says.</summary>
    public static readonly RepresentationChoice Single = new SingleRepresentation();

    /// <summary>
    /// The representation <paramref name="request"/> gets, or null when it gets an error instead
    /// (an unknown format, nothing acceptable). A function of what the endpoint itself reads, so
    /// the same request always gets the same name.
    /// </summary>
    public abstract string? For(HttpRequest request);

    /// <summary>Tells the response store how this request's representation is chosen (the last one recorded counts).</summary>
    public void Record(HttpRequest request) => request.HttpContext.Features.Set(this);

    /// <summary>The choice an endpoint recorded for this request, or <see cref="Single"/>.</summary>
    public static RepresentationChoice Of(HttpContext context) => context.Features.Get<RepresentationChoice>() ?? Single;

    private sealed class SingleRepresentation : RepresentationChoice
    {
        public override string For(HttpRequest request) => "";
    }
}

/// <summary>The choice among formats that <see cref="Negotiation"/> makes: <c>format=</c>, else <c>Accept</c>.</summary>
public sealed class FormatChoice : RepresentationChoice
{
    // One per list of formats, which are static: the table holds as many as the API has lists.
    private static readonly ConditionalWeakTable<IReadOnlyList<ContentFormat>, FormatChoice> Choices = [];

    private readonly IReadOnlyList<ContentFormat> supported;

    private FormatChoice(IReadOnlyList<ContentFormat> supported) => this.supported = supported;

    public static FormatChoice Among(IReadOnlyList<ContentFormat> supported) => Choices.GetValue(supported, s => new FormatChoice(s));

    public override string? For(HttpRequest request) =>
        Negotiation.Pick(request.Query[Negotiation.FormatParameter], request, supported)?.Name;
}

/// <summary>
/// The content coding a response is sent in, chosen once from <c>Accept-Encoding</c> by its
/// quality values (RFC 9110 §12.5.3) among the codings the compression offers, Brotli before gzip
/// at equal quality (their order in ResponseCompressionSetup). The store keys by the coding and
/// hands the compression only that one, so the bytes built are always the ones the key names.
/// </summary>
public static class ContentCoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    private static readonly string[] Offered = [Brotli, Gzip];

    public static string Choose(StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return Identity;
        }

        // Identity competes only where the client names it; an unnamed one is the fallback.
        var best = (Coding: Identity, Quality: 0.0);
        var identity = QualityOf(codings, Identity) ?? 0;
        var any = QualityOf(codings, "*");
        foreach (var offered in Offered)
        {
            var quality = QualityOf(codings, offered) ?? any ?? 0;
            if (quality > best.Quality)
            {
                best = (offered, quality);
            }
        }

        return best.Quality > 0 && best.Quality >= identity ? best.Coding : Identity;
    }

    // A coding's quality where the client names it (1 when it gives none), null where it does not.
    private static double? QualityOf(IList<StringWithQualityHeaderValue> codings, string coding) =>
        codings.FirstOrDefault(c => c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase)) is { } named ? named.Quality ?? 1 : null;
}
