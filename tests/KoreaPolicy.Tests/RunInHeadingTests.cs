using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Tests;

/// <summary>The heading detector on its own: real headings in, ordinary sentences out.</summary>
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
    [InlineData("The Korea-U.S. Free Trade Agreement entered into force in March 2012 after five years of negotiation.")]
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
}
