using KoreaPolicy.Api.Rendering.Citations;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Each formatted style against example references printed in its own manual: the same facts go
/// through the formatter and must come out as the manual prints them (italics only in the HTML
/// form). Page ranges are given as each manual prints them; the archive's articles have none.
/// </summary>
public sealed class CitationStyleManualTests
{
    // --- APA 7 (Publication Manual of the American Psychological Association, 7th ed., 2020)

    [Fact]
    public void ApaFormatsTheManualsOneAuthorJournalArticleWithoutADoi()
    {
        // APA 7 §10.1, example 3 (journal article without a DOI, from a research database or in print).
        var work = Work("Getting consistent with consequences", [new("M.", "Anderson")], "Educational Leadership", "76", "1",
            new IssueDate(2018), "26–33");

        var reference = CitationStyles.Apa.Reference(work);

        reference.Text.Should().Be("Anderson, M. (2018). Getting consistent with consequences. Educational Leadership, 76(1), 26–33.");
        reference.Html.Should().Be("Anderson, M. (2018). Getting consistent with consequences. <i>Educational Leadership, 76</i>(1), 26–33.");
    }

    [Fact]
    public void ApaFormatsTheManualsTwoAuthorJournalArticleWithADoi()
    {
        // APA Style, "Journal article references" (apastyle.apa.org, 7th ed. examples, §10.1).
        var work = Work("Language learning as language use: A cross-linguistic model of child language development",
            [new("Stewart M.", "McCauley"), new("Morten H.", "Christiansen")], "Psychological Review", "126", "1",
            new IssueDate(2019), "1–51", doi: "10.1037/rev0000126");

        CitationStyles.Apa.Reference(work).Text.Should().Be(
            "McCauley, S. M., & Christiansen, M. H. (2019). Language learning as language use: A cross-linguistic model of child "
            + "language development. Psychological Review, 126(1), 1–51. https://doi.org/10.1037/rev0000126");
    }

    [Fact]
    public void ApaFormatsTheManualsFiveAuthorJournalArticle()
    {
        // APA 7 §10.1, example 1 (journal article).
        var work = Work("Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the United States",
            [new("J. S.", "Grady"), new("M.", "Her"), new("G.", "Moreno"), new("C.", "Perez"), new("J.", "Yelinek")],
            "Psychology of Popular Media Culture", "8", "3", new IssueDate(2019), "207–217", doi: "10.1037/ppm0000185");

        var reference = CitationStyles.Apa.Reference(work);

        reference.Text.Should().Be(
            "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A comparison of storybooks "
            + "that represent ethnic and racial groups in the United States. Psychology of Popular Media Culture, 8(3), 207–217. "
            + "https://doi.org/10.1037/ppm0000185");
        reference.Html.Should().Contain("<i>Psychology of Popular Media Culture, 8</i>(3)")
            .And.EndWith("<a href=\"https://doi.org/10.1037/ppm0000185\">https://doi.org/10.1037/ppm0000185</a>");
    }

    [Fact]
    public void ApaListsTheFirstNineteenOfMoreThanTwentyAuthorsThenAnEllipsisAndTheLast()
    {
        // APA 7 §9.8 (21 or more authors), the manual's Kalnay et al. (1996) reference: 22 authors.
        string[] initials = ["E.", "M.", "R.", "W.", "D.", "L.", "M.", "S.", "G.", "J.", "Y.", "M.", "W.", "W.", "J.", "K. C.", "C.", "J.", "A.", "R.", "R.", "D."];
        string[] families = ["Kalnay", "Kanamitsu", "Kistler", "Collins", "Deaven", "Gandin", "Iredell", "Saha", "White", "Woollen", "Zhu",
            "Chelliah", "Ebisuzaki", "Higgins", "Janowiak", "Mo", "Ropelewski", "Wang", "Leetmaa", "Reynolds", "Jenne", "Joseph"];
        var authors = initials.Zip(families, (given, family) => new PersonName(given, family)).ToList();

        CitationStyles.Apa.Authors(authors).Should().Be(
            "Kalnay, E., Kanamitsu, M., Kistler, R., Collins, W., Deaven, D., Gandin, L., Iredell, M., Saha, S., White, G., Woollen, J., "
            + "Zhu, Y., Chelliah, M., Ebisuzaki, W., Higgins, W., Janowiak, J., Mo, K. C., Ropelewski, C., Wang, J., Leetmaa, A., . . . Joseph, D.");
    }

    // --- Chicago 17 (The Chicago Manual of Style, 17th ed., 2017), notes and bibliography: bibliography entries

    [Fact]
    public void ChicagoFormatsTheManualsOneAuthorJournalArticle()
    {
        // CMOS 17 §14.171 and the Citation Quick Guide (notes and bibliography, journal article).
        var work = Work("Livy and the Pax Deum", [new("Susan", "Satterfield")], "Classical Philology", "111", "2",
            new IssueDate(2016, Month: 4), "165–76");

        var reference = CitationStyles.Chicago.Reference(work);

        reference.Text.Should().Be("Satterfield, Susan. “Livy and the Pax Deum.” Classical Philology 111, no. 2 (April 2016): 165–76.");
        reference.Html.Should().Be("Satterfield, Susan. “Livy and the Pax Deum.” <i>Classical Philology</i> 111, no. 2 (April 2016): 165–76.");
    }

    [Fact]
    public void ChicagoFormatsTheManualsThreeAuthorJournalArticleWithASeasonAndADoi()
    {
        // CMOS 17 §14.168 and the Citation Quick Guide (journal article, bibliography entry).
        var work = Work("Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality",
            [new("Shao-Hsun", "Keng"), new("Chun-Hung", "Lin"), new("Peter F.", "Orazem")], "Journal of Human Capital", "11", "1",
            new IssueDate(2017, Season: "Spring"), "1–34", doi: "10.1086/690235");

        CitationStyles.Chicago.Reference(work).Text.Should().Be(
            "Keng, Shao-Hsun, Chun-Hung Lin, and Peter F. Orazem. “Expanding College Access in Taiwan, 1978–2014: Effects on Graduate "
            + "Quality and Income Inequality.” Journal of Human Capital 11, no. 1 (Spring 2017): 1–34. https://doi.org/10.1086/690235.");
    }

    [Fact]
    public void ChicagoInvertsOnlyTheFirstOfTwoAuthorsAndJoinsThemWithACommaAndAnd()
    {
        // CMOS 17 §14.76 and the Citation Quick Guide's two-author entry (Ward and Burns, The War).
        var authors = new List<PersonName> { new("Geoffrey C.", "Ward"), new("Ken", "Burns") };

        CitationStyles.Chicago.Authors(authors).Should().Be("Ward, Geoffrey C., and Ken Burns");
    }

    [Fact]
    public void ChicagoListsSevenOfMoreThanTenAuthorsThenEtAl()
    {
        // CMOS 17 §14.76: up to ten authors all listed in the bibliography; more than ten, the first seven and "et al.".
        var eleven = Enumerable.Range(1, 11).Select(i => new PersonName($"Given{i}", $"Family{i}")).ToList();

        CitationStyles.Chicago.Authors(eleven).Should().Be(
            "Family1, Given1, Given2 Family2, Given3 Family3, Given4 Family4, Given5 Family5, Given6 Family6, Given7 Family7, et al.");
        CitationStyles.Chicago.Authors(eleven.Take(10).ToList()).Should().EndWith(", and Given10 Family10");
    }

    // --- MLA 9 (MLA Handbook, 9th ed., 2021): works-cited entries

    [Fact]
    public void MlaFormatsTheHandbooksOneAuthorJournalArticle()
    {
        // MLA Handbook (8th ed. p. 21; kept in the 9th, §5.x journal article): Baron in PMLA.
        var work = Work("Redefining Reading: The Impact of Digital Communication Media", [new("Naomi S.", "Baron")], "PMLA", "128", "1",
            new IssueDate(2013, Month: 1), "193–200");

        var reference = CitationStyles.Mla.Reference(work);

        reference.Text.Should().Be("Baron, Naomi S. “Redefining Reading: The Impact of Digital Communication Media.” PMLA, vol. 128, no. 1, Jan. 2013, pp. 193–200.");
        reference.Html.Should().Contain("<i>PMLA</i>, vol. 128");
    }

    [Fact]
    public void MlaInvertsTheFirstOfTwoAuthorsAndJoinsThemWithAnd()
    {
        // MLA 9 §5.6 (two authors): "Dorris, Michael, and Louise Erdrich."
        var authors = new List<PersonName> { new("Michael", "Dorris"), new("Louise", "Erdrich") };

        CitationStyles.Mla.Authors(authors).Should().Be("Dorris, Michael, and Louise Erdrich");
    }

    [Fact]
    public void MlaGivesTheFirstOfThreeOrMoreAuthorsThenEtAl()
    {
        // MLA 9 §5.7 (three or more authors): "Burdick, Anne, et al."
        var authors = new List<PersonName> { new("Anne", "Burdick"), new("Johanna", "Drucker"), new("Peter", "Lunenfeld"), new("Todd", "Presner"), new("Jeffrey", "Schnapp") };

        CitationStyles.Mla.Authors(authors).Should().Be("Burdick, Anne, et al.");
    }

    [Fact]
    public void MlaWritesDaysBeforeAbbreviatedMonthsAndLowercasesSeasons()
    {
        // MLA 9 §5.68–5.70 and appendix 1 (months of more than four letters abbreviated).
        CitationStyles.Mla.Date(new IssueDate(2025, 12, 15)).Should().Be("15 Dec. 2025");
        CitationStyles.Mla.Date(new IssueDate(2020, 9)).Should().Be("Sept. 2020");
        CitationStyles.Mla.Date(new IssueDate(2013, 6)).Should().Be("June 2013");
        CitationStyles.Mla.Date(new IssueDate(2020, Season: "Winter")).Should().Be("winter 2020");
    }

    // --- Missing elements: each manual's own form for a work without a title, an author or a date

    [Fact]
    public void ApaDescribesAWorkWithoutATitleInSquareBracketsInTheTitlesPlace()
    {
        // APA 7 §9.22 and Table 9.1 (missing title): "Author. (Date). [Description of work]. Source."
        var work = Work("derived label", [new("M.", "Anderson")], "Educational Leadership", "76", "1", new IssueDate(2018), "26–33")
            with { Untitled = true, Description = "Letter to the editor" };

        var reference = CitationStyles.Apa.Reference(work);

        reference.Text.Should().Be("Anderson, M. (2018). [Letter to the editor]. Educational Leadership, 76(1), 26–33.");
        reference.Html.Should().Be("Anderson, M. (2018). [Letter to the editor]. <i>Educational Leadership, 76</i>(1), 26–33.");
    }

    [Fact]
    public void ApaPutsTheTitleOrTheDescriptionInTheAuthorsPlaceAndWritesNdForNoDate()
    {
        // APA 7 §9.12 (no author: the title moves to the author position), §9.17 (n.d.) and Table 9.1
        // (author, date and title missing): "[Description of work]. (n.d.). Source."
        var noAuthor = Work("Getting consistent with consequences", [], "Educational Leadership", "76", "1", new IssueDate(2018), "26–33");
        var nothing = Work("derived label", [], "Educational Leadership", "76", "1", new IssueDate(2018), "26–33")
            with { Date = null, Untitled = true, Description = "Letter to the editor" };

        CitationStyles.Apa.Reference(noAuthor).Text.Should().Be("Getting consistent with consequences. (2018). Educational Leadership, 76(1), 26–33.");
        CitationStyles.Apa.Reference(nothing).Text.Should().Be("[Letter to the editor]. (n.d.). Educational Leadership, 76(1), 26–33.");
    }

    [Fact]
    public void ApaItalicizesTheTitleOfAWorkThatStandsAlone()
    {
        // APA 7 §10.4 (report by individual authors at a government agency): a work on its own has its title in italics, then its publisher.
        var work = new CitedWork("key", "Hate crime victimization, 2004–2015", [new("M.", "Masucci"), new("L.", "Langton")], null, "Bureau of Justice Statistics",
            null, null, new IssueDate(2017), null, "https://www.bjs.gov/content/pub/pdf/hcv0415.pdf", null);

        var reference = CitationStyles.Apa.Reference(work);

        reference.Text.Should().Be("Masucci, M., & Langton, L. (2017). Hate crime victimization, 2004–2015. Bureau of Justice Statistics. https://www.bjs.gov/content/pub/pdf/hcv0415.pdf");
        reference.Html.Should().StartWith("Masucci, M., &amp; Langton, L. (2017). <i>Hate crime victimization, 2004–2015.</i> Bureau of Justice Statistics.");
    }

    [Fact]
    public void ChicagoGivesAWorkWithoutATitleADescriptionInRomanWithoutQuotationMarks()
    {
        // CMOS 17 §14.64 (and §8.164): an untitled work is given a descriptive title, capitalized
        // sentence-style, not italicized or placed in quotation marks.
        var work = Work("derived label", [new("Susan", "Satterfield")], "Classical Philology", "111", "2", new IssueDate(2016, Month: 4), "165–76")
            with { Untitled = true, Description = "Review of recent work on Livy" };

        var reference = CitationStyles.Chicago.Reference(work);

        reference.Text.Should().Be("Satterfield, Susan. Review of recent work on Livy. Classical Philology 111, no. 2 (April 2016): 165–76.");
        reference.Html.Should().Be("Satterfield, Susan. Review of recent work on Livy. <i>Classical Philology</i> 111, no. 2 (April 2016): 165–76.");
    }

    [Fact]
    public void MlaPutsAGenericDescriptionInTheTitlesPlaceCapitalizedWithoutQuotationMarks()
    {
        // MLA 9 §5.29 (descriptions in place of titles), after the handbook's own example:
        // "Mackintosh, Charles Rennie. Chair of stained oak. 1897-1900, Victoria and Albert Museum, London."
        var chair = new CitedWork("key", "derived label", [new("Charles Rennie", "Mackintosh")], null, null, null, null, new IssueDate(1900), null, null, null)
            with { Untitled = true, Description = "Chair of stained oak" };
        var article = Work("derived label", [new("Naomi S.", "Baron")], "PMLA", "128", "1", new IssueDate(2013, Month: 1), "193–200")
            with { Untitled = true, Description = "Letter to the editor" };

        CitationStyles.Mla.Reference(chair).Text.Should().Be("Mackintosh, Charles Rennie. Chair of stained oak. 1900.");
        CitationStyles.Mla.Reference(article).Text.Should().Be("Baron, Naomi S. Letter to the editor. PMLA, vol. 128, no. 1, Jan. 2013, pp. 193–200.");
        CitationStyles.Mla.Reference(article).Html.Should().Contain("Letter to the editor. <i>PMLA</i>");
    }

    [Fact]
    public void TheDescriptionOfAnUntitledArticleNamesItsKindAndThemesWithASerialComma()
    {
        CitedWork.Describe(ArticleKind.JournalArticle, inJournal: true, ["Security", "Trade", "Energy"]).Should().Be("Journal article on Security, Trade, and Energy");
        CitedWork.Describe(null, inJournal: true, ["Security", "Trade"]).Should().Be("Journal article on Security and Trade");
        CitedWork.Describe(ArticleKind.BlogPost, inJournal: true, []).Should().Be("Blog post");
        CitedWork.Describe(null, inJournal: false, ["Asia"]).Should().Be("Article on Asia");
    }

    // --- Names: family = the last word, apart from particles and suffixes

    [Theory]
    [InlineData("Bruce Klingner", "Bruce", "Klingner", null, null)]
    [InlineData("Peter F. Orazem", "Peter F.", "Orazem", null, null)]
    [InlineData("Martin Luther King Jr.", "Martin Luther", "King", null, "Jr.")]
    [InlineData("Martin Luther King, Jr.", "Martin Luther", "King", null, "Jr.")]
    [InlineData("John Smith III", "John", "Smith", null, "III")]
    [InlineData("Ludwig van Beethoven", "Ludwig", "Beethoven", "van", null)]
    [InlineData("Charles de la Tour", "Charles", "Tour", "de la", null)]
    [InlineData("Madonna", "", "Madonna", null, null)]
    public void NamesSplitIntoGivenFamilyParticleAndSuffix(string name, string given, string family, string? particle, string? suffix)
    {
        PersonName.Parse(name).Should().Be(new PersonName(given, family, particle, suffix));
    }

    [Fact]
    public void ParticlesStayWithTheFamilyNameAndSuffixesFollowTheGivenNames()
    {
        var names = new[] { PersonName.Parse("Ludwig van Beethoven"), PersonName.Parse("Martin Luther King Jr.") };

        CitationStyles.Apa.Authors(names).Should().Be("van Beethoven, L., & King, M. L., Jr.");
        CitationStyles.Chicago.Authors(names).Should().Be("van Beethoven, Ludwig, and Martin Luther King Jr.");
        PersonName.Parse("Jean-Paul Sartre").Initials.Should().Be("J.-P.");
    }

    private static CitedWork Work(string title, IReadOnlyList<PersonName> authors, string journal, string volume, string issue,
        IssueDate date, string pages, string? doi = null) =>
        new(CitedWork.CitationKey(authors, date.Year, title), title, authors, journal, null, volume, issue, date, pages, Url: null, doi);
}
