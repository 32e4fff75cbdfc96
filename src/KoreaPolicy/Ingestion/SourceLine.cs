namespace KoreaPolicy.Ingestion;

/// <summary>
/// A piece of the page and the 1-based line it came from. Pieces split off a glued line
/// ("Download PDFThe U.S. ...") keep that line's number, so errors still point at the file.
/// </summary>
internal readonly record struct SourceLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
