using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Tests;

/// <summary>How the metadata block reads dates and author lists.</summary>
public sealed class ArticleHeaderTests
{
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
