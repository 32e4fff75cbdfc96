using System.Text.Json;
using CsCheck;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>
/// Properties of the parser over generated texts (CsCheck, which shrinks a failing text to a
/// small one): whatever the text, the parser returns an article or raises
/// <see cref="ArticleFormatException"/>, never another exception; an article has no empty
/// section or paragraph and no paragraph holding a line of page furniture; and the same text
/// always gives the same article. The texts are built from the page family's own lines
/// (navigation, mastheads, metadata, headings, bullets, footers, listings), sentences, and
/// arbitrary characters, joined by the layouts' line breaks and cut off anywhere, as the scrape's cap does.
/// </summary>
public sealed class ParserPropertyTests
{
    private const int Iterations = 2000;

    // Furniture in the site's own wording: never part of a paragraph, even glued to text.
    private static readonly string[] Furniture =
    [
        "Search All Site Content",
        "Total Index: 6251 publications.",
        "Join Our Mailing List",
        "View Series Publications",
        "From the Issue",
        "Download PDF",
        "This browser does not support PDFs. Please download the PDF to view it:",
    ];

    // The mailing-list box's sentence, whose wording varies: never a paragraph when it is a line of its own.
    private const string SignUpSentence =
        "Sign up to receive the latest publications, event invitations and commentary from the Korea Economic Institute of America.";

    private static readonly string[] PageLines =
    [
        .. Furniture,
        SignUpSentence,
        "This browser does not support PDFs. Please download the PDF to view it: Download PDF",
        "The Peninsula", "Korea Policy", "Joint U.S. Korea Academic Studies", "Korea's Economy",
        "Korea Policy Vol. 3, Issue 2About Korea Policy", "Korea Policy Vol. 1", "About Korea Policy",
        "Joint U.S.-Korea Academic Studies 2015About Joint U.S. Korea Academic Studies", "About Joint U.S. Korea Academic Studies",
        "Korea's Economy Volume 28About Korea's Economy",
        "Korea Policy is an open-source academic journal commissioned, edited, and published by the Korea Economic Institute of America in Washington, D.C",
        "Author: Bruce Klingner", "Authors: Victor Cha, Andy Lim and Kim J. Park", "Theme: Security, Foreign Relations", "Region: Asia",
        "Location: Korea, North, Korea, South", "Published June 4, 2026", "Published February 30, 2025", "December 1, 2025",
        "Category: Security", "Publication Source: KIEP", "Title: Allies in Doubt",
        "[Policy Brief] Rebuilding Trust in U.S. Extended Deterrence", "Korea Policy Series: Economic Security",
        "Extended Deterrence After the Washington Declaration",
        "Download PDFNorth Korea’s turn toward Moscow has changed the arithmetic of deterrence.1 It is new.",
        "SUMMARY", "Executive Summary ", "Background", "Policy Recommendations",
        "- Deterrence: Washington and Seoul should make the group a standing body.", "- ", "-",
        "U.S. Demands More, Promises Less in Alliance. Having browbeaten South Korea, the United States asked for more.",
        "South Korea’s democracy held.1 Political institutions worked.2,3", "which has puzzled keen", "observers of the economy.",
        "The allies’ endeav- ors and the fi rst TPP- 11 talks.", "roughly $5.", "a payment of roughly",
        "North Korea’s New Missile Tests…", "Read More", "24 Posts located", "Syndicate content",
        "© 2024 Korea Economic Institute of America. All rights reserved.", "Note: The views expressed here are the author’s own.",
        "About", "Published", "Author:", ":", "…", "1", "\u00A0", "\t",
    ];

    private static readonly Gen<string> Line = Gen.Frequency(
        (6, Gen.OneOf(PageLines)),
        (1, Gen.String[0, 60]),
        (1, Gen.Char["abcdefghijklmnopqrstuvwxyz .,:-’“”…$0123456789ABCDEFKPSTV\t\r"].Array[0, 80].Select(c => new string(c))));

    private static readonly Gen<string> Break = Gen.OneOf("\n", "\n\n", "\r\n", "\n\n\n\n", " ", "");

    /// <summary>A page: lines of the family and others, joined by the layouts' breaks, cut off anywhere (or not).</summary>
    private static readonly Gen<string> Page =
        Gen.Select(Line, Break).Array[0, 40].SelectMany(parts => Gen.Int[0, 3], (parts, cutChoice) => (parts, cutChoice))
            .SelectMany(t =>
            {
                var text = string.Concat(t.parts.Select(p => p.Item1 + p.Item2));
                return t.cutChoice == 0 && text.Length > 0 ? Gen.Int[0, text.Length].Select(n => text[..n]) : Gen.Const(text);
            });

    private static readonly Gen<string?> EditorTitle = Gen.OneOf<string?>(null, "A Title From the Sidecar", "[Policy Brief] Brief", "Korea Policy");

    [Fact]
    public void AnyPageGivesAnArticleOrTheFormatErrorAndAnArticleIsWellFormedAndTheSameEachTime()
    {
        Gen.Select(Page, EditorTitle).Sample((text, title) =>
        {
            var article = TryParse(text, title);
            if (article is null)
            {
                return;
            }

            ShouldBeWellFormed(article);
            Canonical(TryParse(text, title)!).Should().Be(Canonical(article), "parsing is deterministic");
        }, iter: Iterations);
    }

    [Fact]
    public void AnyStringOfAnyCharactersGivesAnArticleOrTheFormatError()
    {
        Gen.String[0, 3000].Sample(text =>
        {
            if (TryParse(text, "A Title From the Sidecar") is { } article)
            {
                ShouldBeWellFormed(article);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void EveryFixtureOfThePageFamilyCutAtAnyLengthGivesAnArticleOrTheFormatError()
    {
        var pages = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "PageFamily"), "*.txt").Select(File.ReadAllText).ToArray();

        Gen.Int[0, pages.Length - 1].SelectMany(i => Gen.Int[0, pages[i].Length], (i, n) => pages[i][..n]).Sample(text =>
        {
            if (TryParse(text, null) is { } article)
            {
                ShouldBeWellFormed(article);
            }
        }, iter: Iterations);
    }

    // Any exception but the format error escapes and fails the property, with the shrunk text.
    private static ParsedArticle? TryParse(string text, string? editorTitle)
    {
        try
        {
            return ArticleParser.Parse(text, editorTitle);
        }
        catch (ArticleFormatException)
        {
            return null;
        }
    }

    private static void ShouldBeWellFormed(ParsedArticle article)
    {
        article.Sections.Should().NotBeEmpty();
        foreach (var section in article.Sections)
        {
            section.Paragraphs.Should().NotBeEmpty("no section is empty");
            section.Heading.Should().Match(h => h == null || h.Trim().Length > 0);
            foreach (var paragraph in section.Paragraphs)
            {
                paragraph.Text.Trim().Should().NotBeEmpty("no paragraph is empty");
                Furniture.Should().NotContain(f => paragraph.Text.Contains(f, StringComparison.Ordinal), $"no paragraph holds page furniture: \"{paragraph.Text}\"");
                paragraph.Text.Should().NotBe(SignUpSentence);
            }
        }
    }

    private static string Canonical(ParsedArticle article) => JsonSerializer.Serialize(article);
}
