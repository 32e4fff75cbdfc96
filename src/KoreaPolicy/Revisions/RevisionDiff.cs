using DiffPlex;
using DiffPlex.Chunkers;
using KoreaPolicy.Model;

namespace KoreaPolicy.Revisions;

/// <summary>What became of a paragraph between two revisions.</summary>
public enum ParagraphChange
{
    Unchanged,

    /// <summary>The same paragraph, reworded: <see cref="ParagraphDiffEntry.Words"/> marks the words.</summary>
    Changed,

    /// <summary>The same text, at another place in the article.</summary>
    Moved,

    Added,
    Removed,
}

/// <summary>A run of words of a changed paragraph: in both revisions, only in the old one, or only in the new one.</summary>
public enum WordChange
{
    Equal,
    Deleted,
    Inserted,
}

public sealed record WordRun(WordChange Change, string Text);

/// <summary>
/// One paragraph of the diff: its number in the old revision and in the new one (null where it
/// has none), the text it has now (the old text for a removed one), and for a changed one the runs of words.
/// </summary>
public sealed record ParagraphDiffEntry(ParagraphChange Change, int? OldNumber, int? NewNumber, string Text, IReadOnlyList<WordRun>? Words);

/// <summary>A fact of the article that differs between the two revisions (title, authors, correction, ...).</summary>
public sealed record FactChange(string Name, string? Old, string? New);

/// <summary>
/// Two revisions of an article compared. <see cref="Paragraphs"/> follows the new revision's order,
/// each removed paragraph where it stood; <see cref="OldParagraphs"/> says, for every paragraph
/// of the old revision in its order, where it went: a partner that quoted paragraph 7 finds it again.
/// </summary>
public sealed record RevisionDiff(
    int From,
    int To,
    IReadOnlyList<FactChange> Facts,
    IReadOnlyList<ParagraphDiffEntry> Paragraphs,
    IReadOnlyList<ParagraphDiffEntry> OldParagraphs)
{
    /// <summary>
    /// Compares two revisions. The paragraphs are diffed as lines by DiffPlex (Myers' algorithm);
    /// in each block it reports, a removed paragraph whose text is added elsewhere has moved, and a
    /// removed and an added one that share at least half their words are one paragraph changed,
    /// whose words DiffPlex diffs again. What is left was added or removed.
    /// </summary>
    public static RevisionDiff Between(ArticleDetail older, ArticleDetail newer)
    {
        var oldTexts = Texts(older);
        var newTexts = Texts(newer);
        // An article without paragraphs is one block of everything; DiffPlex would see one empty line.
        IList<DiffPlex.Model.DiffBlock> blocks = oldTexts.Count == 0 || newTexts.Count == 0
            ? [new DiffPlex.Model.DiffBlock(0, oldTexts.Count, 0, newTexts.Count)]
            : Differ.Instance.CreateDiffs(Joined(oldTexts), Joined(newTexts), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance).DiffBlocks;

        // old index → new index, with what happened; -1: removed.
        var oldTo = Enumerable.Repeat(-1, oldTexts.Count).ToArray();
        var newFrom = Enumerable.Repeat(-1, newTexts.Count).ToArray();
        var change = new ParagraphChange[oldTexts.Count];

        // Outside the blocks, the paragraphs are the same, in the same order.
        int a = 0, b = 0;
        foreach (var block in blocks.Append(new DiffPlex.Model.DiffBlock(oldTexts.Count, 0, newTexts.Count, 0)))
        {
            while (a < block.DeleteStartA && b < block.InsertStartB)
            {
                Pair(a++, b++, ParagraphChange.Unchanged);
            }

            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        var removed = Enumerable.Range(0, oldTexts.Count).Where(i => oldTo[i] < 0).ToList();
        var added = Enumerable.Range(0, newTexts.Count).Where(j => newFrom[j] < 0).ToList();

        // The same text elsewhere: moved.
        foreach (var i in removed)
        {
            var j = added.FirstOrDefault(j => newFrom[j] < 0 && newTexts[j] == oldTexts[i], -1);
            if (j >= 0)
            {
                Pair(i, j, ParagraphChange.Moved);
            }
        }

        // Within a block, in order: a removed paragraph and the first added one like it are one paragraph changed.
        foreach (var block in blocks)
        {
            var next = block.InsertStartB;
            for (var i = block.DeleteStartA; i < block.DeleteStartA + block.DeleteCountA; i++)
            {
                if (oldTo[i] >= 0)
                {
                    continue;
                }

                for (var j = next; j < block.InsertStartB + block.InsertCountB; j++)
                {
                    if (newFrom[j] < 0 && Similarity(oldTexts[i], newTexts[j]) >= 0.5)
                    {
                        Pair(i, j, ParagraphChange.Changed);
                        next = j + 1;
                        break;
                    }
                }
            }
        }

        ParagraphDiffEntry Entry(int i) => oldTo[i] < 0
            ? new ParagraphDiffEntry(ParagraphChange.Removed, i + 1, null, oldTexts[i], null)
            : new ParagraphDiffEntry(change[i], i + 1, oldTo[i] + 1, newTexts[oldTo[i]], change[i] == ParagraphChange.Changed ? Words(oldTexts[i], newTexts[oldTo[i]]) : null);

        // The new order, each removed paragraph after the paragraph that stood before it in the old one.
        var paragraphs = new List<ParagraphDiffEntry>();
        var oldIndex = 0;
        for (var j = 0; j < newTexts.Count; j++)
        {
            if (newFrom[j] >= 0 && change[newFrom[j]] != ParagraphChange.Moved)
            {
                for (; oldIndex < newFrom[j]; oldIndex++)
                {
                    if (oldTo[oldIndex] < 0)
                    {
                        paragraphs.Add(Entry(oldIndex));
                    }
                }

                oldIndex = newFrom[j] + 1;
            }

            paragraphs.Add(newFrom[j] < 0 ? new ParagraphDiffEntry(ParagraphChange.Added, null, j + 1, newTexts[j], null) : Entry(newFrom[j]));
        }

        paragraphs.AddRange(Enumerable.Range(oldIndex, oldTexts.Count - oldIndex).Where(i => oldTo[i] < 0).Select(Entry));
        return new RevisionDiff(
            older.Summary.Revision,
            newer.Summary.Revision,
            FactChanges(older, newer),
            paragraphs,
            Enumerable.Range(0, oldTexts.Count).Select(Entry).ToList());

        void Pair(int i, int j, ParagraphChange how)
        {
            oldTo[i] = j;
            newFrom[j] = i;
            change[i] = how;
        }
    }

    /// <summary>How much of two paragraphs' text the word diff finds in both: 1 the same, 0 nothing shared.</summary>
    private static double Similarity(string older, string newer)
    {
        var diff = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: true, ignoreCase: true, WordChunker.Instance);
        var changed = diff.DiffBlocks.Sum(d => d.DeleteCountA + d.InsertCountB);
        var total = diff.PiecesOld.Count + diff.PiecesNew.Count;
        return total == 0 ? 1 : 1 - (changed / (double)total);
    }

    /// <summary>The words of a changed paragraph as runs: the same in both, deleted, inserted.</summary>
    private static IReadOnlyList<WordRun> Words(string older, string newer)
    {
        var diff = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var runs = new List<WordRun>();
        var a = 0;
        foreach (var block in diff.DiffBlocks.Append(new DiffPlex.Model.DiffBlock(diff.PiecesOld.Count, 0, diff.PiecesNew.Count, 0)))
        {
            Add(WordChange.Equal, diff.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(WordChange.Deleted, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(WordChange.Inserted, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }

        return runs;

        void Add(WordChange kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0)
            {
                return;
            }

            if (runs.Count > 0 && runs[^1].Change == kind)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new WordRun(kind, text));
            }
        }
    }

    private static IReadOnlyList<FactChange> FactChanges(ArticleDetail older, ArticleDetail newer)
    {
        static string? Names(IReadOnlyList<NamedRef> names) => names.Count == 0 ? null : string.Join("; ", names.Select(n => n.Name));
        static string? Correction(ArticleCorrection? c) =>
            c is null ? null : c.Date is { } date ? $"{date:yyyy-MM-dd}: {c.Note}" : c.Note;

        return new FactChange[]
        {
            new("title", older.Summary.Title, newer.Summary.Title),
            new("authors", Names(older.Summary.Authors), Names(newer.Summary.Authors)),
            new("themes", Names(older.Summary.Themes), Names(newer.Summary.Themes)),
            new("published", older.Summary.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                newer.Summary.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("canonicalUrl", older.CanonicalUrl, newer.CanonicalUrl),
            new("doi", older.Doi, newer.Doi),
            new("license", older.License, newer.License),
            new("correction", Correction(older.Correction), Correction(newer.Correction)),
        }.Where(f => f.Old != f.New).ToList();
    }

    // A paragraph is one line of the text DiffPlex compares: any line break inside one is a space.
    private static List<string> Texts(ArticleDetail article) =>
        article.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text.ReplaceLineEndings(" ")).ToList();

    private static string Joined(IReadOnlyList<string> texts) => string.Join('\n', texts);
}
