namespace KoreaPolicy.Ingestion;

/// <summary>
/// A piece of the page and the 1-based line it came from. Pieces split off a glued line
/// ("Download PDFThe U.S. ...") keep that line's number, so errors still point at the file.
/// </summary>
/// <param name="Gap">How many blank lines come before it: the old site's scrapes set a title
/// apart from the text by three.</param>
internal readonly record struct SourceLine(int Number, string Text, int Gap = 0)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
