using System.Diagnostics;
using Dapper;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KoreaPolicy.Bench;

/// <summary>
/// The benchmark's passages in a Lucene.NET index, searched with the same parsed queries: the
/// answer to "would another engine meet the search target on this corpus?". Not part of the API.
/// </summary>
/// <remarks>
/// Set up to be as fast as Lucene can be here, so its figure is a lower bound: the paragraph, its
/// heading and its title go into one field (per-field weights, as FTS5 ranks with, cost Lucene two
/// to three times as much in a probe), the index is merged into one segment and memory-mapped, and
/// the analyzer splits, folds case and accents as FTS5's unicode61 does (a word is a run of letters
/// and digits, so "Taiwan’s" is "taiwan" and "s"; LowerCaseFilter, ASCIIFoldingFilter; no stop
/// words). BM25 with Lucene's defaults (k1 1.2, b 0.75), which are FTS5's; the total it returns is
/// exact, like the API's.
/// </remarks>
internal sealed class LuceneReference : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Field = "passage";

    private readonly Analyzer analyzer;
    private readonly Lucene.Net.Store.Directory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    private LuceneReference(Analyzer analyzer, Lucene.Net.Store.Directory directory, int documents, TimeSpan indexingTime)
    {
        this.analyzer = analyzer;
        this.directory = directory;
        Documents = documents;
        IndexingTime = indexingTime;
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public int Documents { get; }

    public TimeSpan IndexingTime { get; }

    public static LuceneReference Build(ArchiveDatabase database, string folder)
    {
        var analyzer = Analyzer.NewAnonymous((_, input) =>
        {
            var source = new Unicode61Tokenizer(input);
            TokenStream tokens = new LowerCaseFilter(Version, source);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(tokens));
        });

        var started = Stopwatch.StartNew();
        var directory = new MMapDirectory(new DirectoryInfo(folder));
        var documents = 0;
        using (var connection = database.Open())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 128,
        }))
        {
            var passage = new TextField(Field, "", Lucene.Net.Documents.Field.Store.NO);
            var document = new Document { passage };
            foreach (var row in connection.Query<(string Text, string Heading, string Title)>(
                "SELECT text, heading, title FROM search_passages", buffered: false))
            {
                passage.SetStringValue(row.Text + "\n" + row.Heading + "\n" + row.Title);
                writer.AddDocument(document);
                documents++;
            }

            writer.ForceMerge(1);
        }

        return new LuceneReference(analyzer, directory, documents, started.Elapsed);
    }

    /// <summary>Runs the query for a page of <paramref name="size"/> and returns the total.</summary>
    public int Search(SearchQuery query, int size) => searcher.Search(ToLucene(query), size).TotalHits;

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    // The API's query language in Lucene's terms: every group must match, a group's terms are ORed,
    // excluded terms must not match.
    private BooleanQuery ToLucene(SearchQuery query)
    {
        var all = new BooleanQuery();
        foreach (var group in query.Required)
        {
            if (group.Count == 1)
            {
                all.Add(ToLucene(group[0]), Occur.MUST);
                continue;
            }

            var any = new BooleanQuery();
            foreach (var term in group)
            {
                any.Add(ToLucene(term), Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        foreach (var term in query.Excluded)
        {
            all.Add(ToLucene(term), Occur.MUST_NOT);
        }

        return all;
    }

    private Query ToLucene(SearchTerm term)
    {
        var tokens = Tokens(term.Text);
        if (term.IsPrefix && tokens.Count == 1)
        {
            // Scored like the words it expands to, as FTS5 scores a prefix; Lucene's default
            // rewrite would give every match the same score.
            return new PrefixQuery(new Term(Field, tokens[0])) { MultiTermRewriteMethod = MultiTermQuery.SCORING_BOOLEAN_QUERY_REWRITE };
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(Field, tokens[0]));
        }

        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(Field, token));
        }

        return phrase;
    }

    // unicode61's token characters: letters and digits (and private-use characters, which
    // ingested texts do not contain); everything else separates.
    private sealed class Unicode61Tokenizer(TextReader input) : CharTokenizer(Version, input)
    {
        protected override bool IsTokenChar(int c) => System.Text.Rune.IsLetterOrDigit(new System.Text.Rune(c));
    }

    private List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
