using System.Security.Cryptography;
using System.Text;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Makes the <see cref="ArticleRecord"/> that Storage writes out of a file and what the parser
/// read from it: everything derived from the text, once, here: slugs, positions, numbers, the
/// title and where it came from, the summary, the word count, the content hash and the key its
/// text is compared by for duplicates. An article may have no journal (a page without a series block).
/// </summary>
public static class ArticleRecords
{
    /// <summary>
    /// Part of every content hash: bump it when the parser's output changes, so that the next
    /// run re-parses texts whose bytes did not change.
    /// </summary>
    public const string ParserVersion = "2";

    /// <summary>The summary is the article's opening, cut at a sentence end near this length.</summary>
    private const int SummaryLength = 300;

    // A title derived from the text's opening words, when the page carries nothing else to name it by.
    private const int OpeningWords = 8;

    public static ArticleRecord Create(ArticleFile file, ParsedArticle parsed)
    {
        ArticleLimits.Check(file.Path, file.Text, parsed);
        var slug = Ingestion.Slug.From(Path.GetFileNameWithoutExtension(file.FileName));
        if (slug.Length == 0)
        {
            // An empty slug would be stored, but no URL could reach the article.
            throw new IngestionException(file.Path, null, "its name gives no URL slug; rename it with Latin letters or digits");
        }

        var (title, titleSource) = ChooseTitle(file.Sidecar, parsed);
        var sections = NumberSections(parsed.Sections);
        var paragraphs = sections.SelectMany(s => s.Paragraphs).ToList();
        if (paragraphs.Count == 0)
        {
            throw new IngestionException(file.Path, null, "carries no article text");
        }

        return new ArticleRecord(
            Slug: slug,
            SourceName: file.FileName,
            Title: title,
            TitleSource: titleSource,
            Journal: parsed.Journal,
            JournalSlug: parsed.Journal is { } journal ? Ingestion.Slug.From(journal.Name) : null,
            Issue: parsed.Issue,
            IssueSlug: parsed.Issue is { } issue ? IssueSlugOf(issue) : null,
            Authors: Named(parsed.Authors),
            Themes: Named(parsed.Themes),
            Published: parsed.Published,
            Summary: Summarize(paragraphs[0].Text),
            WordCount: paragraphs.Sum(p => CountWords(p.Text)),
            CanonicalUrl: file.Sidecar?.CanonicalUrl,
            Doi: file.Sidecar?.Doi,
            License: file.Sidecar?.License,
            Sections: sections,
            Metadata: parsed.Metadata,
            SourceText: file.Text,
            SidecarJson: file.SidecarJson,
            ContentHash: Hash(file))
        {
            SourcePath = file.Path,
            Layout = parsed.Layout,
            Kind = parsed.Kind,
            Facets = FacetsOf(parsed.Facts),
            Truncated = parsed.Truncated,
            Warnings = parsed.Warnings.Select(w => w.ToString()).ToList(),
            BodyKey = ArticleText.Key(paragraphs.Select(p => p.Text)),
            KeepDuplicate = file.Sidecar?.KeepDuplicate == true,
            Correction = file.Sidecar?.Correction is { } correction ? correction with { Note = correction.Note.Trim() } : null,
        };
    }

    /// <summary>"vol-3-issue-2" within its journal; the label's slug when it carries no numbers.</summary>
    public static string IssueSlugOf(JournalIssue issue) => (issue.Volume, issue.Number, issue.Year) switch
    {
        ({ } volume, { } number, _) => $"vol-{volume}-issue-{number}",
        ({ } volume, null, _) => $"vol-{volume}",
        (null, { } number, _) => $"issue-{number}",
        (null, null, { } year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Ingestion.Slug.From(issue.Label),
    };

    private static (string Title, TitleSource Source) ChooseTitle(ArticleSidecar? sidecar, ParsedArticle parsed)
    {
        if (sidecar?.Title is { } edited)
        {
            return (edited.Trim(), TitleSource.Editor);
        }

        if (parsed.Title is { } own)
        {
            return (own, TitleSource.Source);
        }

        // No title anywhere: describe the article by the facts it does carry, and say so. With
        // none of them, its opening words are all there is to tell it by.
        var parts = new List<string>();
        if (parsed.Authors.Count > 0)
        {
            parts.Add(Byline.Join(parsed.Authors));
        }

        if ((parsed.Issue?.Label ?? parsed.Journal?.Name) is { } container)
        {
            parts.Add(container);
        }

        if (parts.Count == 0)
        {
            var words = parsed.Paragraphs.SelectMany(p => TitleCase.Words(p.Text)).Take(OpeningWords + 1).ToList();
            parts.Add(string.Join(' ', words.Take(OpeningWords)).TrimEnd(',', ';', ':', '.') + (words.Count > OpeningWords ? "…" : ""));
        }

        var title = string.Join(", ", parts);
        if (parsed.Published is { } date)
        {
            title += $" ({Byline.Date(date)})";
        }

        return (title, TitleSource.Derived);
    }

    // Each known fact under its own name, slugged as authors and themes are, so a list can be filtered by it.
    private static List<FacetRecord> FacetsOf(ArticleFacts facts)
    {
        var facets = new List<(string Facet, string? Name)> { (FacetRecord.Region, facts.Region) };
        facets.AddRange(facts.Places.Select(p => (FacetRecord.Place, (string?)p)));
        facets.Add((FacetRecord.Category, facts.Category));
        facets.Add((FacetRecord.Source, facts.SourceOrganisation));
        return facets
            .Where(f => f.Name is not null)
            .Select(f => new FacetRecord(f.Facet, Ingestion.Slug.From(f.Name!), f.Name!))
            .Where(f => f.Slug.Length > 0)
            .DistinctBy(f => (f.Facet, f.Slug))
            .ToList();
    }

    private static List<SectionRecord> NumberSections(IReadOnlyList<ParsedSection> parsed)
    {
        var sections = new List<SectionRecord>(parsed.Count);
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        // The next suffix to try per base slug: the n-th "Background" starts where the one before
        // it stopped, not at -2, so repeated headings cost linear work, not quadratic.
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (section, index) in parsed.Select((s, i) => (s, i)))
        {
            var baseSlug = section.Heading is { } heading ? Ingestion.Slug.From(heading) : "lead";
            if (baseSlug.Length == 0)
            {
                baseSlug = $"section-{index + 1}";
            }

            // Two sections may share a heading ("Background" twice); the later one gets a suffix.
            var slug = baseSlug;
            if (!usedSlugs.Add(slug))
            {
                var n = nextSuffix.GetValueOrDefault(baseSlug, 2);
                while (!usedSlugs.Add(slug = $"{baseSlug}-{n}"))
                {
                    n++;
                }

                nextSuffix[baseSlug] = n + 1;
            }

            var paragraphs = section.Paragraphs
                .Select(p => new ParagraphRecord(++number, p.Text, p.Footnotes) { Kind = p.Kind })
                .ToList();
            sections.Add(new SectionRecord(index + 1, slug, section.Heading, paragraphs));
        }

        return sections;
    }

    private static IReadOnlyList<NamedRecord> Named(IReadOnlyList<string> names) =>
        names.Select(n => new NamedRecord(Ingestion.Slug.From(n), n))
            .Where(n => n.Slug.Length > 0)
            .DistinctBy(n => n.Slug)
            .ToList();

    internal static string Summarize(string opening)
    {
        if (opening.Length <= SummaryLength)
        {
            return opening;
        }

        // Prefer whole sentences; fall back to whole words with an ellipsis.
        var sentenceEnd = -1;
        for (var i = 0; i < opening.Length - 1 && i < SummaryLength; i++)
        {
            if (opening[i] is '.' or '?' or '!' && char.IsWhiteSpace(opening[i + 1]) && i > 0 && !char.IsUpper(opening[i - 1]))
            {
                sentenceEnd = i;
            }
        }

        if (sentenceEnd > SummaryLength / 3)
        {
            return opening[..(sentenceEnd + 1)];
        }

        var wordEnd = opening.LastIndexOf(' ', SummaryLength);
        return opening[..(wordEnd > 0 ? wordEnd : SummaryLength)].TrimEnd(',', ';', ':') + "…";
    }

    internal static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private static string Hash(ArticleFile file)
    {
        var content = $"{ParserVersion}\n{file.Text}\n{file.SidecarJson}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
