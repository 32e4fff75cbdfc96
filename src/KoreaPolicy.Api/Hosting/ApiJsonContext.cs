using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Citations;
using KoreaPolicy.Api.Embeds;
using KoreaPolicy.Api.Health;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Indexes;
using KoreaPolicy.Api.Journals;
using KoreaPolicy.Api.Search;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Serializers for every response, generated at compile time: no reflection to discover a type's
/// shape on first use, and less work per response. The types they contain are generated with them.
/// Web defaults (camelCase) as for the rest of the API.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleResponse))]
[JsonSerializable(typeof(ArticleSourceResponse))]
[JsonSerializable(typeof(RecognitionReport))]
[JsonSerializable(typeof(PagedResponse<ArticleSummaryResponse>))]
[JsonSerializable(typeof(SectionResponse))]
[JsonSerializable(typeof(ListResponse<SectionResponse>))]
[JsonSerializable(typeof(ParagraphResponse))]
[JsonSerializable(typeof(ListResponse<ParagraphResponse>))]
[JsonSerializable(typeof(IndexEntryResponse))]
[JsonSerializable(typeof(PagedResponse<IndexEntryResponse>))]
[JsonSerializable(typeof(PagedResponse<SearchHitResponse>))]
[JsonSerializable(typeof(PagedResponse<JournalSummaryResponse>))]
[JsonSerializable(typeof(JournalDetailResponse))]
[JsonSerializable(typeof(IssueDetailResponse))]
[JsonSerializable(typeof(CitationResponse))]
[JsonSerializable(typeof(OEmbedResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
