using System.Text;

namespace KoreaPolicy.Search;

/// <summary>
/// A reader's search query, parsed and checked, and its FTS5 translation. The language is the one
/// people expect from a search box: words (all must match), "quoted phrases", <c>OR</c> between
/// two terms, <c>-excluded</c> terms, and <c>prefix*</c>. <c>AND</c> is accepted and means what a
/// space means; <c>NOT term</c> means <c>-term</c>.
/// </summary>
/// <remarks>
/// User text never reaches FTS5 raw: every term is re-emitted as a quoted FTS5 string, in which
/// FTS5 syntax has no meaning, and the operators between them are ours. Inside a term, FTS5's
/// tokenizer does the rest: "administration's" becomes the phrase "administration s", which also
/// matches "administration’s", and case and accents are folded.
/// </remarks>
public sealed class SearchQuery
{
    public const int MaxLength = 500;
    public const int MaxTerms = 24;

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> required, IReadOnlyList<SearchTerm> excluded)
    {
        Required = required;
        Excluded = excluded;
        Expression = BuildExpression();
    }

    /// <summary>Every group must match; a group of several terms is an OR of them.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Required { get; }

    /// <summary>No term here may match.</summary>
    public IReadOnlyList<SearchTerm> Excluded { get; }

    /// <summary>The FTS5 MATCH expression.</summary>
    public string Expression { get; }

    /// <summary>Parses a query; throws <see cref="SearchQueryException"/> saying what is wrong and where.</summary>
    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SearchQueryException("The query is empty: give at least one word to search for.");
        }

        if (text.Length > MaxLength)
        {
            throw new SearchQueryException($"The query is {text.Length} characters long; the limit is {MaxLength}.");
        }

        // FTS5 takes a NUL for the end of its input ("unterminated string"); no control
        // character is ever in an ingested text (ArticleFile refuses them), so none can match.
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                throw new SearchQueryException($"The query contains the control character U+{(int)text[i]:X4} at character {i + 1}; search for words.");
            }
        }

        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var tokens = Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.And:
                    if (i == 0 || i == tokens.Count - 1 || tokens[i + 1].Kind is TokenKind.And or TokenKind.Or)
                    {
                        throw new SearchQueryException($"AND at character {token.Position} needs a word or phrase on both sides.");
                    }

                    break;
                case TokenKind.Or:
                    var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
                    if (required.Count == 0 || i == 0 || tokens[i - 1].Kind != TokenKind.Term || tokens[i - 1].Term!.Excluded
                        || next is not { Kind: TokenKind.Term })
                    {
                        throw new SearchQueryException($"OR at character {token.Position} needs a word or phrase on both sides.");
                    }

                    if (next.Term!.Excluded)
                    {
                        throw new SearchQueryException($"An excluded term (at character {next.Position}) cannot be one side of OR.");
                    }

                    required[^1].Add(next.Term);
                    i++;
                    break;
                default:
                    if (token.Term!.Excluded)
                    {
                        excluded.Add(token.Term);
                    }
                    else
                    {
                        required.Add([token.Term]);
                    }

                    break;
            }
        }

        if (required.Count == 0)
        {
            throw new SearchQueryException(excluded.Count > 0
                ? "The query only excludes terms: give at least one word or phrase to search for."
                : "The query has no words to search for.");
        }

        if (required.Sum(g => g.Count) + excluded.Count > MaxTerms)
        {
            throw new SearchQueryException($"The query has more than {MaxTerms} terms.");
        }

        return new SearchQuery(required, excluded);
    }

    private string BuildExpression()
    {
        var all = string.Join(" AND ", Required.Select(group => group.Count == 1
            ? group[0].ToFts()
            : $"({string.Join(" OR ", group.Select(t => t.ToFts()))})"));

        // bm25 has no notion of proximity, so "security guarantees" typed as two words would rank
        // a paragraph with the words far apart as high as one with the phrase. Adding the phrase
        // of the plain words as an alternative to a term every hit already has leaves the hits
        // as they were, and gives those with the phrase its score on top.
        var words = Required.Where(g => g.Count == 1 && g[0] is { IsPhrase: false, IsPrefix: false }).Select(g => g[0]).ToList();
        var expression = words.Count >= 2
            ? $"({all}) AND ({words[0].ToFts()} OR {new SearchTerm(string.Join(' ', words.Select(w => w.Text)), true, false, false).ToFts()})"
            : all;

        foreach (var term in Excluded)
        {
            expression = $"({expression}) NOT {term.ToFts()}";
        }

        return expression;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var excluded = false;
            if (text[i] == '-')
            {
                excluded = true;
                i++;
                if (i == text.Length || char.IsWhiteSpace(text[i]))
                {
                    throw new SearchQueryException($"'-' at character {start + 1} must be followed by a word or phrase to exclude.");
                }
            }

            if (text[i] is '"' or '“' or '”')
            {
                var close = text.IndexOfAny(['"', '“', '”'], i + 1);
                if (close < 0)
                {
                    throw new SearchQueryException($"The quote at character {i + 1} is not closed.");
                }

                var phrase = text[(i + 1)..close];
                i = close + 1;
                var prefix = i < text.Length && text[i] == '*';
                i += prefix ? 1 : 0;
                if (!HasWordCharacters(phrase))
                {
                    throw new SearchQueryException($"The phrase at character {start + 1} has no words in it.");
                }

                tokens.Add(Token.ForTerm(new SearchTerm(phrase.Trim(), true, prefix, excluded), start + 1));
                continue;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '“' or '”'))
            {
                i++;
            }

            var word = text[(excluded ? start + 1 : start)..i];
            if (!excluded && word is "OR" or "AND" or "NOT")
            {
                tokens.Add(new Token(word switch { "OR" => TokenKind.Or, "AND" => TokenKind.And, _ => TokenKind.Not }, start + 1, null));
                continue;
            }

            var isPrefix = word.EndsWith('*');
            var stem = isPrefix ? word[..^1] : word;
            if (stem.Contains('*'))
            {
                throw new SearchQueryException($"'*' in \"{word}\" (character {start + 1}) marks a prefix and goes at the end of a word.");
            }

            if (!HasWordCharacters(stem))
            {
                // Punctuation on its own ("&", "—") carries nothing to search for; a lone "*" is a mistake.
                if (isPrefix)
                {
                    throw new SearchQueryException($"'*' at character {start + 1} must end a word, as in allian*.");
                }

                continue;
            }

            tokens.Add(Token.ForTerm(new SearchTerm(stem, false, isPrefix, excluded), start + 1));
        }

        return ApplyNot(tokens);
    }

    // "NOT term" is "-term"; NOT without a term after it is a mistake.
    private static List<Token> ApplyNot(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Not)
            {
                result.Add(tokens[i]);
                continue;
            }

            if (i + 1 >= tokens.Count || tokens[i + 1] is not { Kind: TokenKind.Term, Term.Excluded: false } next)
            {
                throw new SearchQueryException($"NOT at character {tokens[i].Position} must be followed by a word or phrase to exclude.");
            }

            result.Add(next with { Term = next.Term! with { Excluded = true } });
            i++;
        }

        return result;
    }

    private static bool HasWordCharacters(string text) => text.Any(char.IsLetterOrDigit);

    private enum TokenKind
    {
        Term,
        Or,
        And,
        Not,
    }

    private sealed record Token(TokenKind Kind, int Position, SearchTerm? Term)
    {
        public static Token ForTerm(SearchTerm term, int position) => new(TokenKind.Term, position, term);
    }
}

/// <summary>A word or phrase of a query, as typed.</summary>
public sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix, bool Excluded)
{
    /// <summary>The term as an FTS5 string: quoted, inner quotes doubled, so none of its characters is syntax.</summary>
    public string ToFts()
    {
        var quoted = new StringBuilder(Text.Length + 3).Append('"').Append(Text.Replace("\"", "\"\"")).Append('"');
        return IsPrefix ? quoted.Append('*').ToString() : quoted.ToString();
    }
}

/// <summary>A query that cannot be parsed; the message says what is wrong, for a 400 problem.</summary>
public sealed class SearchQueryException(string message) : Exception(message);
