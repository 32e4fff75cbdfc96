using KoreaPolicy.Search;

namespace KoreaPolicy.Tests;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("Scylla", "\"Scylla\"")]
    [InlineData("security guarantees", "(\"security\" AND \"guarantees\") AND (\"security\" OR \"security guarantees\")")]
    [InlineData("\"security guarantees\"", "\"security guarantees\"")]
    [InlineData("“security guarantees”", "\"security guarantees\"")]
    [InlineData("tariffs OR sanctions", "(\"tariffs\" OR \"sanctions\")")]
    [InlineData("tariffs OR sanctions OR cudgels", "(\"tariffs\" OR \"sanctions\" OR \"cudgels\")")]
    [InlineData("allian*", "\"allian\"*")]
    [InlineData("\"security guar\"*", "\"security guar\"*")]
    [InlineData("alliance -china", "(\"alliance\") NOT \"china\"")]
    [InlineData("alliance NOT china", "(\"alliance\") NOT \"china\"")]
    [InlineData("alliance -\"North Korea\"", "(\"alliance\") NOT \"North Korea\"")]
    [InlineData("alliance AND china", "(\"alliance\" AND \"china\") AND (\"alliance\" OR \"alliance china\")")]
    [InlineData("administration's", "\"administration's\"")]
    [InlineData("U.S. allies", "(\"U.S.\" AND \"allies\") AND (\"U.S.\" OR \"U.S. allies\")")]
    [InlineData("  tariffs  &  ", "\"tariffs\"")]
    public void QueriesTranslateToQuotedFts5Terms(string query, string expression)
    {
        SearchQuery.Parse(query).Expression.Should().Be(expression);
    }

    [Theory]
    [InlineData("NEAR(a b)", "(\"NEAR(a\" AND \"b)\") AND (\"NEAR(a\" OR \"NEAR(a b)\")")]
    [InlineData("title:secret", "\"title:secret\"")]
    [InlineData("a^", "\"a^\"")]
    [InlineData("{text heading}: x", "(\"{text\" AND \"heading}:\" AND \"x\") AND (\"{text\" OR \"{text heading}: x\")")]
    public void Fts5SyntaxInAQueryIsOnlyText(string query, string expression)
    {
        SearchQuery.Parse(query).Expression.Should().Be(expression);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("\"security guarantees", "quote at character 1 is not closed")]
    [InlineData("alliance \"", "quote at character 10 is not closed")]
    [InlineData("OR", "OR at character 1 needs a word or phrase on both sides")]
    [InlineData("tariffs OR", "OR at character 9 needs a word or phrase on both sides")]
    [InlineData("OR tariffs", "OR at character 1")]
    [InlineData("tariffs OR OR sanctions", "OR at character 9")]
    [InlineData("AND", "AND at character 1")]
    [InlineData("tariffs AND", "AND at character 9")]
    [InlineData("NOT", "NOT at character 1 must be followed")]
    [InlineData("-", "'-' at character 1 must be followed")]
    [InlineData("alliance - china", "'-' at character 10 must be followed")]
    [InlineData("-china", "only excludes terms")]
    [InlineData("-china -japan", "only excludes terms")]
    [InlineData("tariffs OR -china", "excluded term")]
    [InlineData("*", "'*' at character 1 must end a word")]
    [InlineData("al*ly", "marks a prefix and goes at the end of a word")]
    [InlineData("\"\"", "has no words")]
    [InlineData("\"—\"", "has no words")]
    [InlineData("& —", "no words to search for")]
    public void AQueryThatCannotBeParsedSaysWhatIsWrong(string? query, string message)
    {
        var parse = () => SearchQuery.Parse(query);

        parse.Should().Throw<SearchQueryException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void AnOverlongQueryIsRefused()
    {
        var parse = () => SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1));

        parse.Should().Throw<SearchQueryException>().WithMessage($"*limit is {SearchQuery.MaxLength}*");
    }

    [Fact]
    public void AQueryWithTooManyTermsIsRefused()
    {
        var parse = () => SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms + 1).Select(i => $"w{i}")));

        parse.Should().Throw<SearchQueryException>().WithMessage($"*more than {SearchQuery.MaxTerms} terms*");
    }

    [Fact]
    public void AQuoteInsideAWordCannotEscapeItsTerm()
    {
        // The quote ends the word and starts an unclosed phrase: refused, never passed on.
        var parse = () => SearchQuery.Parse("abc\"def");

        parse.Should().Throw<SearchQueryException>().WithMessage("*not closed*");
    }
}
