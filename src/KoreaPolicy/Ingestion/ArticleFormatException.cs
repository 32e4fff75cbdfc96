namespace KoreaPolicy.Ingestion;

/// <summary>
/// The text is not an article the parser can read. <see cref="Line"/> is the 1-based line
/// the problem was found on, when one line is to blame.
/// </summary>
public sealed class ArticleFormatException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}
