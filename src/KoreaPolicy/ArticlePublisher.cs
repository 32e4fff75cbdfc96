using System.Text;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy;

/// <summary>
/// Articles sent over HTTP, taken down the ingest command's path: the same file checks, the same
/// parser, <see cref="IngestRun.Record"/> and <see cref="ArticleWriter"/>. What differs is only
/// where the bytes come from and that the URL names the article. A change that keeps part of the
/// article (a new text with the facts it has, new facts for the text it has) is built from what
/// is stored when the writer holds the write lock, so it never undoes a change made in between.
/// Like <see cref="IngestRun"/> it joins Ingestion and Storage, so it stands above both.
/// </summary>
public sealed class ArticlePublisher(ArticleWriter writer)
{
    /// <summary>
    /// Creates or replaces the article at <paramref name="slug"/> with <paramref name="text"/>;
    /// its facts become <paramref name="sidecar"/> when one is given, and stay as they are when not.
    /// Throws <see cref="IngestionException"/> when the text or the facts cannot be read.
    /// </summary>
    public WriteResult Publish(string slug, byte[] text, byte[]? sidecar, ArticleChange change) =>
        writer.Save(slug, change, current => IngestRun.Record(ArticleFile.FromSubmission(
            SourceName(slug, current),
            text,
            sidecar ?? Encoded(current?.SidecarJson))));

    /// <summary>
    /// Changes the facts of the article at <paramref name="slug"/>: <paramref name="amend"/> gets
    /// its sidecar as stored (null when it has none) and returns the new one; the text stays.
    /// <see cref="SaveOutcome.NotFound"/> when there is no such article.
    /// </summary>
    public WriteResult Amend(string slug, Func<string?, byte[]?> amend, ArticleChange change) =>
        writer.Save(slug, change, current => current is null
            ? null
            : IngestRun.Record(ArticleFile.FromSubmission(current.SourceName, Encoding.UTF8.GetBytes(current.Text), amend(current.SidecarJson))));

    public WriteResult Withdraw(string slug, ArticleChange change) => writer.Withdraw(slug, change);

    /// <summary>The name it is stored under: its file's, or for a new article the slug's, so that the slug it derives is the URL's.</summary>
    private static string SourceName(string slug, EditableArticle? current) => current?.SourceName ?? $"{slug}.txt";

    private static byte[]? Encoded(string? json) => json is null ? null : Encoding.UTF8.GetBytes(json);
}
