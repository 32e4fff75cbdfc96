using System.Globalization;
using System.Text;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Bench;

/// <summary>One generated article: its file name, its text, and what the parser must read out of it.</summary>
internal sealed record GeneratedArticle(string FileName, string Slug, string Text, ExpectedArticle Expected);

/// <summary>The facts the generator put into a text, to compare with what the parser reads back.</summary>
internal sealed record ExpectedArticle(
    string Journal,
    string IssueLabel,
    string? Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Themes,
    DateOnly Published,
    IReadOnlyList<string?> SectionHeadings,
    IReadOnlyList<string> Paragraphs);

/// <summary>
/// Generates articles in the real input format (masthead, blurb, Author/Theme/Published block,
/// "Download PDF" glued to the first paragraph, one paragraph per line, run-in headings) from the
/// real article's sentences recombined. Everything random comes from one seeded <see cref="Random"/>,
/// drawn in a fixed order, so a seed gives a byte-identical corpus.
/// </summary>
internal sealed class CorpusGenerator
{
    private const int MinParagraphs = 8;
    private const int MaxParagraphs = 18;
    private const int MinSentences = 2;
    private const int MaxSentences = 5;
    private const int MinHeadings = 2;
    private const int MaxHeadings = 4;
    private const int MaxAuthors = 3;
    private const int MaxThemes = 5;
    private const int AuthorPoolSize = 300;

    private static readonly DateOnly FirstDate = new(2015, 1, 1);
    private static readonly DateOnly LastDate = new(2026, 10, 31);

    // Written in the style of the source's three ("U.S. Demands More, Promises Less in Alliance"):
    // short, title case, no closing punctuation of their own.
    private static readonly string[] WrittenHeadings =
    [
        "Seoul Weighs Its Options", "Deterrence on the Peninsula", "Beijing Watches and Waits",
        "Tokyo Recalibrates Its Approach", "Tariffs as Instruments of Pressure", "Burden Sharing Returns to the Table",
        "Extended Deterrence Under Strain", "A Narrowing Window for Diplomacy", "Pyongyang Looks to Moscow",
        "Trade Tensions Test the Partnership", "Strategic Flexibility Revisited", "The Limits of Transactional Diplomacy",
        "Wartime Operational Control in Question", "Sanctions Lose Their Bite", "Domestic Politics Shape Foreign Policy",
        "Allies Hedge Their Bets", "The Taiwan Contingency", "Economic Security Comes First",
        "Supply Chains and Semiconductors", "A Trilateral Partnership Tested", "Washington Asks for More",
        "Seoul Seeks Strategic Autonomy", "Balancing Between Great Powers", "Nuclear Latency and Public Opinion",
        "The Cost of Stationing Forces", "Dialogue Without Partners", "Policy Recommendations for Washington",
        "Policy Recommendations for Seoul", "Looking Ahead to the Next Summit", "An Alliance at a Crossroads",
        "Managing Uncertainty in the Indo-Pacific", "Reassurance in an Age of Doubt",
    ];

    private static readonly string[] Themes =
    [
        "Foreign Relations", "Security", "Indo-Pacific", "Geopolitics", "Trade", "Economics", "North Korea",
        "China", "Japan", "Technology", "Energy", "Alliance Management", "Nuclear Policy", "Human Rights", "Climate",
    ];

    private static readonly string[] GivenNames =
    [
        "Ji-hoon", "Min-jung", "Seo-yeon", "Hyun-woo", "Soo-jin", "Dong-hyun", "Eun-ji", "Jae-won", "Ha-eun",
        "Sung-min", "Bruce", "Sarah", "Michael", "Emily", "David", "Jennifer", "Robert", "Laura", "James",
        "Katherine", "Daniel", "Rachel", "Thomas", "Susan", "Andrew",
    ];

    private static readonly string[] FamilyNames =
    [
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon",
        "Smith", "Johnson", "Miller", "Davis", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson",
        "Thompson", "White", "Harris", "Clark", "Lewis",
    ];

    private const string JointStudies = "Joint U.S.-Korea Academic Studies";

    private static readonly string[] JointBlurb =
    [
        "Joint U.S.-Korea Academic Studies collects the papers presented at KEI’s annual academic symposium, co-organized with a partner university in the United States.",
        "The volume is edited, and published by the Korea Economic Institute of America, with support from the Korea Foundation.",
    ];

    private readonly SourceArticle source;
    private readonly Random random;
    private readonly IReadOnlyList<string> headings;
    private readonly IReadOnlyList<string> authors;

    public CorpusGenerator(SourceArticle source, int seed)
    {
        this.source = source;
        random = new Random(seed);
        headings = [.. source.Headings, .. WrittenHeadings];
        authors = AuthorPool();
    }

    public IEnumerable<GeneratedArticle> Generate(int count)
    {
        var width = Math.Max(5, count.ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 1; i <= count; i++)
        {
            yield return Next(i, width);
        }
    }

    private GeneratedArticle Next(int index, int width)
    {
        var published = FirstDate.AddDays(random.Next(LastDate.DayNumber - FirstDate.DayNumber + 1));
        var articleAuthors = Pick(authors, random.Next(1, MaxAuthors + 1));
        var articleThemes = Pick(Themes, random.Next(1, MaxThemes + 1));
        var paragraphs = Enumerable.Range(0, random.Next(MinParagraphs, MaxParagraphs + 1))
            .Select(_ => string.Join(' ', Pick(source.Sentences, random.Next(MinSentences, MaxSentences + 1))))
            .ToList();

        // The first paragraph carries "Download PDF", never a heading: the lead section is always there.
        var sectionHeadings = Pick(headings, random.Next(MinHeadings, MaxHeadings + 1));
        var headingAt = Pick(Enumerable.Range(1, paragraphs.Count - 1).ToList(), sectionHeadings.Count).Order().ToList();

        var series = random.Next(4) switch
        {
            0 => Series.OnKorea,
            1 => Series.JointStudies,
            _ => Series.KoreaPolicy,
        };
        // Korea Policy pages carry no title line (the real one has none); the other series' pages do.
        var title = series == Series.KoreaPolicy ? null : string.Join(": ", Pick(headings, 2));

        var text = new StringBuilder();
        var issueLabel = WriteMasthead(text, series, published, title);
        text.Append(articleAuthors.Count == 1 ? "Author: " : "Authors: ").Append(JoinNames(articleAuthors)).Append('\n');
        text.Append("Theme: ").Append(string.Join(", ", articleThemes)).Append('\n');
        text.Append("Published ").Append(published.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Download PDF");
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var heading = headingAt.IndexOf(p);
            if (heading >= 0)
            {
                text.Append(sectionHeadings[heading]).Append(". ");
            }

            text.Append(paragraphs[p]).Append('\n');
        }

        var fileName = $"bench-{index.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}-{Slug.From(articleAuthors[0])}.txt";
        var expected = new ExpectedArticle(
            SeriesName(series), issueLabel, title, articleAuthors, articleThemes, published,
            [null, .. sectionHeadings], paragraphs);
        return new GeneratedArticle(fileName, Slug.From(Path.GetFileNameWithoutExtension(fileName)), text.ToString(), expected);
    }

    /// <summary>Writes the lines above the metadata block, as each series' pages have them; returns the issue label.</summary>
    private string WriteMasthead(StringBuilder text, Series series, DateOnly published, string? title)
    {
        switch (series)
        {
            case Series.KoreaPolicy:
            {
                // Three issues a year, volumes counted from 2015 so every year has one.
                var label = $"Korea Policy Vol. {published.Year - 2014}, Issue {((published.Month - 1) / 4) + 1}";
                text.Append("Korea Policy\nFrom the Issue\n").Append(label).Append("About Korea Policy\n");
                text.Append(source.Blurb).Append('\n');
                return label;
            }

            case Series.OnKorea:
            {
                var label = $"On Korea Volume {published.Year - 1995}";
                text.Append("On Korea\n").Append(label).Append('\n').Append(title).Append('\n');
                return label;
            }

            default:
            {
                var label = $"{JointStudies} Vol. {published.Year - 1995}";
                text.Append(JointStudies).Append("\nFrom the Issue\n").Append(label).Append("About ").Append(JointStudies).Append('\n');
                foreach (var line in JointBlurb)
                {
                    text.Append(line).Append('\n');
                }

                text.Append("Title: ").Append(title).Append('\n');
                return label;
            }
        }
    }

    private static string SeriesName(Series series) => series switch
    {
        Series.KoreaPolicy => "Korea Policy",
        Series.OnKorea => "On Korea",
        _ => JointStudies,
    };

    private static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        _ => $"{string.Join(", ", names.Take(names.Count - 1))}, and {names[^1]}",
    };

    /// <summary>Distinct names from given × family names, drawn from the same seeded generator.</summary>
    private List<string> AuthorPool()
    {
        var all = GivenNames.SelectMany(given => FamilyNames.Select(family => $"{given} {family}")).ToArray();
        random.Shuffle(all);
        return [.. all.Take(AuthorPoolSize)];
    }

    /// <summary>Draws <paramref name="count"/> distinct items in random order.</summary>
    private List<T> Pick<T>(IReadOnlyList<T> pool, int count)
    {
        var indexes = new List<int>(count);
        while (indexes.Count < count)
        {
            var next = random.Next(pool.Count);
            if (!indexes.Contains(next))
            {
                indexes.Add(next);
            }
        }

        return indexes.Select(i => pool[i]).ToList();
    }

    private enum Series
    {
        KoreaPolicy,
        OnKorea,
        JointStudies,
    }
}
