using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Tests;

/// <summary>The pieces the parser is built from, each on its own.</summary>
public sealed class RunInHeadingTests
{
    [Theory]
    [InlineData("U.S. Demands More, Promises Less in Alliance. Having browbeaten South Korea.", "U.S. Demands More, Promises Less in Alliance", "Having browbeaten South Korea.")]
    [InlineData("U.S. Stymied on Outreach to North Korea. While the Trump administration", "U.S. Stymied on Outreach to North Korea", "While the Trump administration")]
    [InlineData("Tempestuous Time for the Alliance. As both the United States", "Tempestuous Time for the Alliance", "As both the United States")]
    [InlineData("The U.N. and D.C. Agree on Aid. Officials said", "The U.N. and D.C. Agree on Aid", "Officials said")]
    [InlineData("Conclusion. The alliance endures.", "Conclusion", "The alliance endures.")]
    [InlineData("China vs. the West. “It is over,” he said.", "China vs. the West", "“It is over,” he said.")]
    public void TheHeadingDetectorAcceptsRunInHeadings(string paragraph, string heading, string rest)
    {
        RunInHeading.TrySplit(paragraph, out var foundHeading, out var foundRest).Should().BeTrue();

        foundHeading.Should().Be(heading);
        foundRest.Should().Be(rest);
    }

    [Theory]
    [InlineData("The Trump administration’s Indo-Pacific policy remains bereft of details. The degree to which")]
    [InlineData("Lee is caught between Scylla and Charybdis. He tries")]
    [InlineData("Indeed. The alliance holds.")]
    [InlineData("The U.S. Is Back. but the sentence goes on in lower case")]
    [InlineData("Two U.S.-South Korea leaders’ summits provided both major announcements. U.S. and South Korean")]
    [InlineData("North Korea Will Not Talk to Washington Under Any Conditions That the Trump Administration Has Offered So Far. Kim said")]
    [InlineData("Who Pays for the Alliance? The answer is Seoul.")]
    [InlineData("The election of President Lee Jae Mung brought an end to South Korea’s monthslong political upheaval.")]
    public void TheHeadingDetectorRejectsOrdinarySentences(string paragraph)
    {
        RunInHeading.TrySplit(paragraph, out _, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("Executive Summary", true)]
    [InlineData("Background", true)]
    [InlineData("Conclusion", true)]
    [InlineData("Policy Recommendations", true)]
    [InlineData("The Road to the Washington Declaration", true)]
    [InlineData("The alliance endures.", false)]
    [InlineData("Traditional Reaganite interventionist hawks have been replaced", false)]
    [InlineData("Kim Jong Un Visits Moscow.", false)]
    public void StandaloneHeadingLinesAreShortTitleCaseAndUnpunctuated(string line, bool isHeading)
    {
        RunInHeading.IsStandalone(line).Should().Be(isHeading);
    }

    [Theory]
    [InlineData("December 15, 2025", 2025, 12, 15)]
    [InlineData("Dec 15, 2025", 2025, 12, 15)]
    [InlineData("Dec. 15, 2025", 2025, 12, 15)]
    [InlineData("Sept. 3, 2024", 2024, 9, 3)]
    [InlineData("march 2 2026", 2026, 3, 2)]
    [InlineData("15 December 2025", 2025, 12, 15)]
    [InlineData("2025-12-15", 2025, 12, 15)]
    public void PublicationDatesAreReadInTheSiteFormats(string text, int year, int month, int day)
    {
        PublicationDate.TryParse(text, out var date).Should().BeTrue();

        date.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("February 30, 2025")]
    [InlineData("Smarch 3, 2025")]
    [InlineData("December 2025")]
    [InlineData("Korea Policy Vol. 3, Issue 2")]
    public void TextThatIsNotAFullDateIsNotADate(string text)
    {
        PublicationDate.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("A, B and C", new[] { "A", "B", "C" })]
    [InlineData("Victor Cha and Andy Lim", new[] { "Victor Cha", "Andy Lim" })]
    [InlineData("Victor Cha, Andy Lim, and Kim J. Park", new[] { "Victor Cha", "Andy Lim", "Kim J. Park" })]
    [InlineData("Joseph Yun Jr. and Sandra Anderson", new[] { "Joseph Yun Jr.", "Sandra Anderson" })]
    [InlineData("Joseph Yun, Jr., Alexandra Andrews", new[] { "Joseph Yun, Jr.", "Alexandra Andrews" })]
    public void AuthorListsSplitBetweenPeopleNotInsideNames(string value, string[] names)
    {
        ArticleHeader.SplitAuthors(value).Should().Equal(names);
    }
}
