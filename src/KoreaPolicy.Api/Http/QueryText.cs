namespace KoreaPolicy.Api.Http;

/// <summary>
/// Query parameters are text. A control character in any parameter's name or value (NUL, the
/// other C0 codes, DEL, C1) is a 400 problem naming the parameter, answered before any endpoint,
/// the response store or the database sees the request: no handler has to remember it, and an
/// FTS5 expression or a SQL parameter never receives one (FTS5 reads a NUL as the end of its
/// input and fails with "unterminated string").
/// </summary>
public static class QueryText
{
    public static IApplicationBuilder UseQueryTextCheck(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // A request line cannot carry a raw control character (Kestrel refuses it), so one in
            // the query can only come percent-encoded: without a '%' there is nothing to decode.
            var raw = context.Request.QueryString.Value;
            if (string.IsNullOrEmpty(raw) || !raw.Contains('%'))
            {
                return next(context);
            }

            foreach (var (name, values) in context.Request.Query)
            {
                if (HasControlCharacter(name))
                {
                    return Problems.InvalidParameter(Printable(name), "its name contains a control character").ExecuteAsync(context);
                }

                foreach (var value in values)
                {
                    if (value is not null && FirstControlCharacter(value) is { } at)
                    {
                        return Problems.InvalidParameter(name, $"contains the control character U+{(int)value[at]:X4} at position {at + 1}; "
                            + "query values are text without control characters").ExecuteAsync(context);
                    }
                }
            }

            return next(context);
        });

    private static bool HasControlCharacter(string text) => FirstControlCharacter(text) is not null;

    private static int? FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    // The name goes back in the problem; its control characters are shown as code points.
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
