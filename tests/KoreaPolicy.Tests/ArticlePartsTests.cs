using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>A section or a paragraph read on its own: the same as in the whole article, with the article's facts, or null.</summary>
public sealed class ArticlePartsTests : IDisposable
{
    private const string Slug = "korea-policy-vol-3-issue-2-klingner";

    private readonly TemporaryArchive archive = new();

    public ArticlePartsTests()
    {
        archive.WriteText($"{Slug}.meta.json", """{ "canonicalUrl": "https://keia.org/publication/klingner", "doi": "10.1234/kp.3.2" }""");
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));
    }

    public void Dispose() => archive.Dispose();

    [Fact]
    public void EverySectionReadAloneIsTheSectionOfTheWholeArticleByPositionAndBySlug()
    {
        var article = archive.Reader.FindArticle(Slug)!;

        article.Sections.Should().HaveCountGreaterThan(1);
        foreach (var section in article.Sections)
        {
            var byPosition = archive.Reader.FindSection(Slug, SectionKey.At(section.Position))!;
            var bySlug = archive.Reader.FindSection(Slug, SectionKey.Named(section.Slug))!;

            byPosition.Part.Should().BeEquivalentTo(section, o => o.WithStrictOrdering());
            bySlug.Part.Should().BeEquivalentTo(section, o => o.WithStrictOrdering());
            byPosition.Summary.Should().BeEquivalentTo(article.Summary, o => o.WithStrictOrdering());
            (byPosition.CanonicalUrl, byPosition.Doi).Should().Be(("https://keia.org/publication/klingner", "10.1234/kp.3.2"));
        }
    }

    [Fact]
    public void EveryParagraphReadAloneIsTheParagraphOfTheWholeArticle()
    {
        var article = archive.Reader.FindArticle(Slug)!;
        var paragraphs = article.Sections.SelectMany(s => s.Paragraphs).ToList();

        paragraphs.Should().HaveCountGreaterThan(10);
        foreach (var paragraph in paragraphs)
        {
            var found = archive.Reader.FindParagraph(Slug, paragraph.Number)!;

            found.Part.Should().BeEquivalentTo(paragraph, o => o.WithStrictOrdering());
            found.Summary.Should().BeEquivalentTo(article.Summary, o => o.WithStrictOrdering());
            found.Doi.Should().Be("10.1234/kp.3.2");
        }
    }

    [Fact]
    public void APartOfAnUnknownArticleOrAnUnknownPartIsNull()
    {
        var paragraphCount = archive.Reader.FindArticle(Slug)!.Sections.Sum(s => s.Paragraphs.Count);

        archive.Reader.FindSection("no-such-article", SectionKey.At(1)).Should().BeNull();
        archive.Reader.FindSection(Slug, SectionKey.At(99)).Should().BeNull();
        archive.Reader.FindSection(Slug, SectionKey.Named("no-such-section")).Should().BeNull();
        archive.Reader.FindParagraph("no-such-article", 1).Should().BeNull();
        archive.Reader.FindParagraph(Slug, paragraphCount + 1).Should().BeNull();
        archive.Reader.FindParagraph(Slug, 0).Should().BeNull();
    }
}
