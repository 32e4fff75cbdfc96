using System.Text.RegularExpressions;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// The keia.org page furniture a scrape drags along: navigation, the search label and the
/// "Total Index" counter, mailing-list prompts, the PDF viewer's fallback, rights notices.
/// None of it is article text.
/// </summary>
internal static partial class PageNoise
{
    private const string DownloadPdf = "Download PDF";

    // The PDF viewer's fallback as the site prints it, without spaces: a page cut off inside it
    // ends with a prefix of this ("This browser does not sup", "...the PDF to ").
    private const string PdfFallback = "ThisbrowserdoesnotsupportPDFs.PleasedownloadthePDFtoviewit:DownloadPDF";

    // Shorter than this, the end of a page is as likely the first word of a cut-off paragraph.
    private const int MinFallbackPrefix = 6;

    // A mailing-list prompt or a rights notice is a heading or one sentence; a paragraph that
    // mentions a newsletter or a copyright is longer. The length is checked first: it is free.
    private const int MaxPromptWords = 25;
    private const int MaxPromptLength = 250;

    /// <summary>
    /// Splits controls the scraper glued to real text, wherever in a line they stand: "Download PDF"
    /// (before the first paragraph, after the PDF fallback sentence), "From the Issue", "View Series
    /// Publications", the search label, the "Total Index" counter, the mailing-list heading and the
    /// PDF fallback sentence (as much of it as the line has). Their wording is the site's own, in its
    /// capitals, which running text does not use.
    /// </summary>
    public static IEnumerable<SourceLine> SplitGluedControls(SourceLine line)
    {
        var text = line.Text;
        var copied = 0;
        foreach (Match control in GluedControl().Matches(text))
        {
            var before = text[copied..control.Index].Trim();
            if (before.Length > 0)
            {
                yield return line with { Text = before };
            }

            yield return line with { Text = text.Substring(control.Index, control.Length).Trim() };
            copied = control.Index + control.Length;
        }

        var rest = copied == 0 ? text : text[copied..].Trim();
        if (rest.Length > 0)
        {
            yield return line with { Text = rest };
        }
    }

    /// <summary>A whole line of page furniture (the caller has trimmed it).</summary>
    public static bool IsNoise(string text) => NavigationLine().IsMatch(text) || IsMailingListPrompt(text);

    public static bool IsDownloadPdf(string text) => text == DownloadPdf;

    public static bool IsViewSeriesPublications(string text) => text.Equals("View Series Publications", StringComparison.OrdinalIgnoreCase);

    /// <summary>The site's publication counter, "Total Index: 6251 publications.": the middle of its navigation block.</summary>
    public static bool IsTotalIndex(string text) => TotalIndexLine().IsMatch(text);

    /// <summary>The blog's section label, which stands where a journal page has its series block.</summary>
    public static bool IsBlogLabel(string text) => text.Equals("The Peninsula", StringComparison.OrdinalIgnoreCase);

    /// <summary>The link under each teaser on a listing page; several of them mean the page is a listing.</summary>
    public static bool IsReadMore(string text) => ReadMoreLine().IsMatch(text);

    /// <summary>"24 Posts located": the first line of the site's region and topic listings.</summary>
    public static bool IsPostsLocated(string text) => PostsLocatedLine().IsMatch(text);

    /// <summary>A listing's teaser: an excerpt the site cuts with an ellipsis.</summary>
    public static bool IsTeaser(string text) => text.EndsWith('…') || text.EndsWith("...", StringComparison.Ordinal);

    /// <summary>The old site's taxonomy pages end with their feed link.</summary>
    public static bool IsSyndicateContent(string text) => text.Equals("Syndicate content", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PDF viewer's fallback line, whole or cut off by the end of the page.</summary>
    public static bool IsPdfFallback(string text) => text.StartsWith("This browser does not support PDF", StringComparison.OrdinalIgnoreCase);

    /// <summary>The start of the PDF viewer's fallback line, where the page was cut off inside it.</summary>
    public static bool IsCutPdfFallback(string text)
    {
        if (text.Length > PdfFallback.Length * 2 || !text.StartsWith("Th", StringComparison.Ordinal))
        {
            return false;
        }

        var squeezed = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return squeezed.Length >= MinFallbackPrefix && squeezed.Length < PdfFallback.Length
            && PdfFallback.StartsWith(squeezed, StringComparison.Ordinal);
    }

    /// <summary>"© 2024 Korea Economic Institute of America. All rights reserved.": a notice, not text.</summary>
    public static bool IsRightsNotice(string text) =>
        text.Length <= MaxPromptLength && RightsNotice().IsMatch(text) && TitleCase.Words(text).Length <= MaxPromptWords;

    // The heading and sign-up sentence of the site's mailing-list box, in whatever words a crawl
    // has: one that names the list or newsletter, or one that opens by asking to sign up. (Right
    // under the "Total Index" counter the parser drops them by position, whatever they say.)
    private static bool IsMailingListPrompt(string text) =>
        text.Length <= MaxPromptLength
        && ((MailingList().IsMatch(text) && SignUp().IsMatch(text)) || SignUpPrompt().IsMatch(text))
        && TitleCase.Words(text).Length <= MaxPromptWords;

    [GeneratedRegex("""
        ^(?:
            from\ the\ issue
          | download\ pdf
          | view\ (?:series|all)\ publications
          | search(?:\ kei|\ all\ site\ content|\ all\ content|\ the\ site)?
          | [\d,]+\ (?:publications|results)
          | total\ index:\s*[\d,]+\ publications?\.?
          | showing\ (?:[\d,]+\s*(?:-|–|to)\s*[\d,]+\ of\ )?[\d,]+\ results?
          | (?:sign\ up|subscribe|join)(?:\ (?:for|to)\ (?:our|the)\ (?:mailing\ list|newsletter)s?|\ (?:our|the)\ mailing\ list)?[.!]?
          | email(?:\ address)?
          | submit
          | share(?:\ this)?
          | print
          | this\ browser\ does\ not\ support\ pdfs?\b.*
          | read\ more(?:\s*[»→›>])?
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex NavigationLine();

    [GeneratedRegex(@"^total index:\s*[\d,]+\s+publications?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalIndexLine();

    // The fallback sentence is matched word by word as far as the line has it, so a page cut
    // inside it ("... Please download the PDF to") keeps its cut-off end in one piece.
    [GeneratedRegex("""
          Download\ PDF
        | From\ the\ Issue
        | View\ Series\ Publications
        | Search\ All\ Site\ Content | Search\ KEI\b
        | Total\ Index:\s*[\d,]+\s+publications?\.?
        | Join\ Our\ Mailing\ List
        | This\ browser\ does\ not\ support\ PDFs?\.?(?:\s*Please(?:\s+download(?:\s+the(?:\s+PDF(?:\s+to(?:\s+view(?:\s+it:?)?)?)?)?)?)?)?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex GluedControl();

    [GeneratedRegex(@"^read more(?:\s*[»→›>])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadMoreLine();

    [GeneratedRegex(@"^\d[\d,]*\s+posts?\s+located\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostsLocatedLine();

    [GeneratedRegex(@"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RightsNotice();

    [GeneratedRegex(@"\b(?:mailing list|newsletters?|e-?mail updates)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MailingList();

    [GeneratedRegex(@"\b(?:sign up|sign-up|subscribe|join|receive|get|stay)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignUp();

    [GeneratedRegex(@"^(?:sign up|subscribe)\b.*\b(?:receive|updates|inbox|invitations|publications|news)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignUpPrompt();
}
