using KoreaPolicy.Search;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>Issue 10, item 7, in the engine: a control character never reaches FTS5, whoever calls the search.</summary>
[Trait("Category", "Reliability")]
public sealed class SearchQueryControlCharacterTests
{
    [Theory]
    [InlineData("a\0b", 2)]
    [InlineData("\"a\0b\"", 3)]
    [InlineData("a\0*", 2)]
    [InlineData("alliance \u0001", 10)]
    [InlineData("alliance\u007F", 9)]
    [InlineData("alliance\u0085", 9)]
    public void AQueryWithAControlCharacterIsRefusedSayingWhere(string query, int position)
    {
        var parse = () => SearchQuery.Parse(query);

        parse.Should().Throw<SearchQueryException>().WithMessage($"*control character U+*at character {position}*");
    }
}
