using Dapper;
using KoreaPolicy.Model;

namespace KoreaPolicy.Storage;

/// <summary>
/// An <see cref="ArticleFilter"/> as a WHERE clause on <c>articles a</c>. The text is put
/// together from the constant fragments below, one per condition that is set, and every value
/// is a parameter: no input ever becomes SQL, and the number of distinct statements Dapper
/// caches stays bounded (one per combination of conditions).
/// </summary>
/// <param name="Where">" WHERE ..." with every condition that is set, or "" when none is: without a
/// WHERE, SQLite counts the articles from an index's b-tree without visiting its entries.</param>
/// <param name="Listed">What a list page walks, as <c>a</c> with an <c>a.id</c>-like <see cref="ListedId"/>
/// and the sort columns: the articles that pass <see cref="Where"/>, or for one theme alone, that
/// theme's links, which carry their article's sort keys (Sql/005_theme_order.sql).</param>
internal sealed record ArticleFilterSql(string Where, DynamicParameters Parameters, string Listed, string ListedId)
{
    // A theme's page is the commonest filtered list (/api/themes/{slug}/articles) and a theme
    // holds a large share of the archive: walking the theme's own index in the order asked for
    // keeps any page of it as cheap as a page of the whole archive.
    private const string OneThemeListed = "article_themes a WHERE a.theme_id = (SELECT id FROM themes WHERE slug = @Theme)";

    private const string ByAuthor =
        " AND a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE au.slug = @Author)";

    // Filed under every theme asked for: as many matching links as themes.
    private const string ByThemes =
        " AND a.id IN (SELECT at.article_id FROM article_themes at JOIN themes t ON t.id = at.theme_id"
        + " WHERE t.slug IN @Themes GROUP BY at.article_id HAVING COUNT(*) = @ThemeCount)";

    private const string ByJournal = " AND a.journal_id IN (SELECT id FROM journals WHERE slug = @Journal)";
    private const string ByIssue = " AND a.issue_id IN (SELECT id FROM issues WHERE slug = @Issue)";
    private const string ByIssueOfJournal =
        " AND a.issue_id IN (SELECT i.id FROM issues i JOIN journals j ON j.id = i.journal_id WHERE i.slug = @Issue AND j.slug = @Journal)";

    // One fact of the page's metadata (region, place, category, source), by its slug.
    private const string ByRegion = " AND a.id IN (SELECT article_id FROM article_facets WHERE facet = 'region' AND slug = @Region)";
    private const string ByPlace = " AND a.id IN (SELECT article_id FROM article_facets WHERE facet = 'place' AND slug = @Place)";
    private const string ByCategory = " AND a.id IN (SELECT article_id FROM article_facets WHERE facet = 'category' AND slug = @Category)";
    private const string BySource = " AND a.id IN (SELECT article_id FROM article_facets WHERE facet = 'source' AND slug = @Source)";
    private const string ByKind = " AND a.kind = @Kind";

    private const string FromDate = " AND a.published >= @From";
    private const string ToDate = " AND a.published <= @To";

    public static ArticleFilterSql For(ArticleFilter filter)
    {
        var conditions = "";
        var parameters = new DynamicParameters();
        if (filter.Author is { } author)
        {
            conditions += ByAuthor;
            parameters.Add("Author", author);
        }

        var themes = filter.Themes.Distinct(StringComparer.Ordinal).ToArray();
        if (themes.Length > 0)
        {
            conditions += ByThemes;
            parameters.Add("Themes", themes);
            parameters.Add("ThemeCount", themes.Length);
        }

        if (filter.Journal is { } journal)
        {
            conditions += filter.Issue is null ? ByJournal : ByIssueOfJournal;
            parameters.Add("Journal", journal);
        }

        if (filter.Issue is { } issue)
        {
            conditions += filter.Journal is null ? ByIssue : "";
            parameters.Add("Issue", issue);
        }

        foreach (var (value, condition, name) in new[]
        {
            (filter.Region, ByRegion, "Region"),
            (filter.Place, ByPlace, "Place"),
            (filter.Category, ByCategory, "Category"),
            (filter.Source, BySource, "Source"),
            (filter.Kind?.Name(), ByKind, "Kind"),
        })
        {
            if (value is not null)
            {
                conditions += condition;
                parameters.Add(name, value);
            }
        }

        if (filter.From is { } from)
        {
            conditions += FromDate;
            parameters.Add("From", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (filter.To is { } to)
        {
            conditions += ToDate;
            parameters.Add("To", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var where = conditions.Length == 0 ? "" : " WHERE" + conditions[" AND".Length..];
        if (conditions == ByThemes && themes is [var theme])
        {
            parameters.Add("Theme", theme);
            return new ArticleFilterSql(where, parameters, OneThemeListed, "a.article_id");
        }

        return new ArticleFilterSql(where, parameters, "articles a" + where, "a.id");
    }

    /// <summary>The order of a sort; the slug breaks ties so that pages never overlap.</summary>
    public static ArticleOrder OrderBy(ArticleSort sort) => sort switch
    {
        // SQLite sorts NULL lowest, so DESC already puts undated articles last and can use the index.
        ArticleSort.NewestFirst => new(", a.published, a.slug", " ORDER BY a.published DESC, a.slug", " ORDER BY page.published DESC, page.slug"),
        ArticleSort.OldestFirst => new(
            ", a.published, a.slug", " ORDER BY a.published IS NULL, a.published, a.slug", " ORDER BY page.published IS NULL, page.published, page.slug"),
        // The key keeps its collation as a column of the subquery, so page.title sorts without case too.
        ArticleSort.Title => new(", a.title COLLATE NOCASE AS title, a.slug", " ORDER BY a.title COLLATE NOCASE, a.slug", " ORDER BY page.title, page.slug"),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };
}

/// <summary>
/// A sort as SQL: <see cref="Articles"/> orders <c>articles a</c>, and <see cref="Page"/> orders the
/// same rows again as a subquery named <c>page</c> that selects <see cref="Keys"/> after the id. A page
/// ordered by its subquery's own columns lets SQLite see the rows already come in that order and
/// skip the sort; ordered by the columns of a table joined to it, it sorts them again.
/// </summary>
internal sealed record ArticleOrder(string Keys, string Articles, string Page);
