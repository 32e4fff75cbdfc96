using System.Text.Json;
using System.Text.Json.Serialization;
using KoreaPolicy.Model;

namespace KoreaPolicy.Storage;

/// <summary>
/// A revision kept whole (Sql/009_sync.sql, <c>article_revisions</c>): the <see cref="ArticleDetail"/>
/// readers got at that revision, as JSON. Read back, it is the same record, so every rendering of
/// an article (JSON, formats, sections, paragraphs, citations) serves an old revision as it served
/// the live one, with no second model to keep in step.
/// </summary>
public static class ArticleSnapshots
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ArticleDetail article) => JsonSerializer.Serialize(article, Options);

    public static ArticleDetail Deserialize(string json) =>
        JsonSerializer.Deserialize<ArticleDetail>(json, Options) ?? throw new JsonException("A kept revision is empty.");
}
