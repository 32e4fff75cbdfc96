using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>
/// Issue 10, item 3: snippets and highlights grew faster than the matches in a paragraph (a
/// paragraph of 231,000 repeats of one word cost five minutes a search). A hit now carries at most
/// <see cref="PassageMarks.MaxMarks"/> marks, says when there are more, and its snippet is a short
/// window, whatever the paragraph; the work per paragraph is bounded, not proportional to it.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SearchWorkPerHitTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void AHitInAParagraphOfOneWordRepeatedCarriesAtMostAHundredMarksAndAShortSnippet()
    {
        // Ending with a full stop: two paragraphs, not one broken in mid-sentence (which the parser joins).
        var repeated = string.Join(' ', Enumerable.Repeat("alliance", (ArticleLimits.MaxParagraphLength / 9) - 1)) + ".";
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.WritePage("repeated.txt", ["Opening.", repeated, repeated])));

        var page = new PassageSearch(archive.Database).Search(SearchQuery.Parse("alliance"), ArticleFilter.None, PageRequest.First);

        page.Total.Should().Be(2);
        page.Items.Should().AllSatisfy(hit =>
        {
            hit.Matches.Should().HaveCount(PassageMarks.MaxMarks);
            hit.MoreMatches.Should().BeTrue();
            hit.Matches.Should().AllSatisfy(m => hit.Text.Substring(m.Start, m.Length).Should().Be("alliance"));
            hit.Snippet.Text.Length.Should().BeLessThanOrEqualTo(PassageMarks.SnippetLength + 2);
            hit.Snippet.Marks.Should().NotBeEmpty().And.AllSatisfy(m => hit.Snippet.Text.Substring(m.Start, m.Length).Should().Be("alliance"));
        });
    }

    [Theory]
    [InlineData("alliance")]
    [InlineData("\"alliance alliance alliance x\"")]
    [InlineData("alli*")]
    public void MarkingAParagraphOfTwoMillionCharactersCostsNoMoreThanMarkingOneOfTwenty(string query)
    {
        // A paragraph ingested before the limits, or a query shaped to fail late on every word.
        var parsed = SearchQuery.Parse(query);
        PassageMarks.Find("alliance", parsed);

        var twenty = string.Join(' ', Enumerable.Repeat("alliance", 20_000 / 9));
        var twoMillion = string.Join(' ', Enumerable.Repeat("alliance", 2_000_000 / 9));

        var small = Allocated(() => PassageMarks.Find(twenty, parsed));
        var large = Allocated(() => PassageMarks.Find(twoMillion, parsed));

        large.Should().BeLessThan(2 * small, $"the scan stops at its bound: {small:N0} bytes for 20,000 characters, {large:N0} for 2,000,000");
    }

    [Fact]
    public void MarksAreTheQueryWordsWholeFoldedAndThePhrasesWhole()
    {
        var text = "Séoul’s ALLIANCE talks: the alliance, alliances and an Alliance-wide “security guarantee”.";

        var (marks, more) = PassageMarks.Find(text, SearchQuery.Parse("seoul alliance \"security guarantee\""));

        marks.Select(m => text.Substring(m.Start, m.Length)).Should().Equal("Séoul", "ALLIANCE", "alliance", "Alliance", "security guarantee");
        more.Should().BeFalse();
    }

    [Fact]
    public void ASnippetIsTheWindowWithTheMostDifferentMatchedWords()
    {
        var filler = string.Join(' ', Enumerable.Repeat("words without interest", 40));
        var text = $"Tariffs first. {filler} Here tariffs meet the alliance in one sentence. {filler} Tariffs again.";
        var query = SearchQuery.Parse("tariffs OR alliance");
        var (marks, _) = PassageMarks.Find(text, query);

        var snippet = PassageMarks.Snippet(text, marks);

        snippet.Text.Should().StartWith("…").And.EndWith("…").And.Contain("Here tariffs meet the alliance in one sentence.");
        snippet.Marks.Select(m => snippet.Text.Substring(m.Start, m.Length)).Should().Equal("tariffs", "alliance");
    }

    [Fact]
    public void EveryParagraphIngestionTakesIsSearchedForMarksWhole() =>
        PassageMarks.MaxScannedCharacters.Should().Be(ArticleLimits.MaxParagraphLength);

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
