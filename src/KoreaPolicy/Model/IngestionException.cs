namespace KoreaPolicy.Model;

/// <summary>
/// A file could not be ingested. The message names the file and, where one line is to blame,
/// the line, in the <c>file:line: message</c> form editors and terminals already understand; the
/// file is printed escaped (<see cref="DisplayPath"/>), so the message is one line.
/// </summary>
public sealed class IngestionException(string file, int? line, string reason) : Exception(Format(file, line, reason))
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    public string Reason { get; } = reason;

    private static string Format(string file, int? line, string reason) =>
        line is { } n ? $"{DisplayPath.Of(file)}:{n}: {reason}" : $"{DisplayPath.Of(file)}: {reason}";
}
