using System.Security.Cryptography;
using System.Text;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Bench;

/// <summary>What was written: counts for the report, a fingerprint to show two runs wrote the same bytes, and slugs to request.</summary>
internal sealed record CorpusSummary(
    string Folder,
    int Articles,
    int Paragraphs,
    int Sections,
    long Bytes,
    string Sha256,
    IReadOnlyList<string> Slugs,
    TimeSpan Elapsed);

/// <summary>
/// Writes a generated corpus to a folder, parsing every text back with the engine's parser before
/// it is written: a benchmark over texts the parser reads differently from what was meant
/// (a sentence taken for a heading, a lost paragraph) would measure the wrong thing.
/// </summary>
internal static class Corpus
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static CorpusSummary Write(string folder, int count, int seed)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var generator = new CorpusGenerator(SourceArticle.Load(), seed);
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var slugs = new List<string>(count);
        int paragraphs = 0, sections = 0;
        long bytes = 0;
        var fileNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var article in generator.Generate(count))
        {
            if (!fileNames.Add(article.FileName))
            {
                throw new InvalidOperationException($"The generator produced the file name {article.FileName} twice.");
            }

            if (CorpusCheck.Problem(article) is { } problem)
            {
                throw new InvalidOperationException($"{article.FileName}: {problem}\n--- text ---\n{article.Text}");
            }

            var data = Utf8NoBom.GetBytes(article.Text);
            File.WriteAllBytes(Path.Combine(folder, article.FileName), data);
            fingerprint.AppendData(Encoding.UTF8.GetBytes(article.FileName + "\n"));
            fingerprint.AppendData(data);
            bytes += data.Length;
            paragraphs += article.Expected.Paragraphs.Count;
            sections += article.Expected.SectionHeadings.Count;
            slugs.Add(article.Slug);
        }

        return new CorpusSummary(folder, count, paragraphs, sections, bytes,
            Convert.ToHexStringLower(fingerprint.GetHashAndReset()), slugs, started.Elapsed);
    }
}

/// <summary>Compares what the parser reads out of a generated text with what the generator put in.</summary>
internal static class CorpusCheck
{
    public static string? Problem(GeneratedArticle article)
    {
        Model.ParsedArticle parsed;
        try
        {
            parsed = ArticleParser.Parse(article.Text);
        }
        catch (ArticleFormatException e)
        {
            return $"does not parse: {e.Message} (line {e.Line})";
        }

        var expected = article.Expected;
        var headings = parsed.Sections.Select(s => s.Heading).ToList();
        var texts = parsed.Paragraphs.Select(p => p.Text).ToList();
        return true switch
        {
            _ when parsed.Journal?.Name != expected.Journal => $"journal \"{parsed.Journal?.Name}\", expected \"{expected.Journal}\"",
            _ when parsed.Issue?.Label != expected.IssueLabel => $"issue \"{parsed.Issue?.Label}\", expected \"{expected.IssueLabel}\"",
            _ when parsed.Title != expected.Title => $"title \"{parsed.Title}\", expected \"{expected.Title}\"",
            _ when !parsed.Authors.SequenceEqual(expected.Authors) => $"authors [{string.Join("; ", parsed.Authors)}], expected [{string.Join("; ", expected.Authors)}]",
            _ when !parsed.Themes.SequenceEqual(expected.Themes) => $"themes [{string.Join("; ", parsed.Themes)}], expected [{string.Join("; ", expected.Themes)}]",
            _ when parsed.Published != expected.Published => $"published {parsed.Published}, expected {expected.Published}",
            _ when !headings.SequenceEqual(expected.SectionHeadings) =>
                $"{headings.Count} sections [{string.Join(" | ", headings)}], expected {expected.SectionHeadings.Count} [{string.Join(" | ", expected.SectionHeadings)}]",
            _ when texts.Count != expected.Paragraphs.Count => $"{texts.Count} paragraphs, expected {expected.Paragraphs.Count}",
            _ when texts.Zip(expected.Paragraphs).FirstOrDefault(p => p.First != p.Second) is ({ } got, { } want) =>
                $"paragraph reads \"{got}\", expected \"{want}\"",
            _ when parsed.Paragraphs.Any(p => p.Footnotes.Count > 0) => "a paragraph was read as carrying footnote markers",
            _ => null,
        };
    }
}
