-- migration: foreign keys off
-- The whole page family (issue 11). A page without a series block has no journal, so
-- articles.journal_id becomes nullable; SQLite cannot change a column's constraints, so the
-- table is rebuilt by the procedure of https://www.sqlite.org/lang_altertable.html#otheralter
-- (foreign keys off around the transaction, which Migrations does for a script marked as this
-- one is, and a foreign_key_check before the commit). Without foreign keys off, dropping the
-- old table would delete every child row through ON DELETE CASCADE.
-- With it come what the parser now reads: the article's kind, the layout its page was
-- recognised as, whether the page was cut off, the parser's warnings, the key of its text for
-- duplicates; an issue's year; a paragraph's kind (list items); and the known metadata facts
-- (region, places, category, source organisation) as slugs that lists filter by.

-- The view reads articles; rebuilding the table under it would leave it pointing at nothing.
DROP VIEW search_passages;

CREATE TABLE articles_rebuilt (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    source_name   TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    title_source  TEXT NOT NULL CHECK (title_source IN ('source', 'editor', 'derived')),
    journal_id    INTEGER NULL REFERENCES journals (id),   -- null: the page shows no journal
    issue_id      INTEGER NULL REFERENCES issues (id),
    published     TEXT NULL,            -- ISO date (yyyy-MM-dd), null when the text carries none
    summary       TEXT NOT NULL,
    word_count    INTEGER NOT NULL,
    canonical_url TEXT NULL,
    doi           TEXT NULL,
    license       TEXT NULL,
    content_hash  TEXT NOT NULL,        -- SHA-256 of the source text, sidecar and parser version
    revision      INTEGER NOT NULL DEFAULT 1,
    ingested_at   TEXT NOT NULL,        -- first ingestion, UTC ISO 8601
    updated_at    TEXT NOT NULL,        -- last change of content, UTC ISO 8601
    kind          TEXT NULL CHECK (kind IN ('journal-article', 'policy-brief', 'blog-post')),
    layout        TEXT NULL CHECK (layout IN ('A', 'B', 'C', 'D', 'E')),  -- null until re-parsed
    truncated     INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
    warnings      TEXT NOT NULL DEFAULT '[]',  -- JSON array of the parser's warnings
    body_key      TEXT NOT NULL DEFAULT ''     -- ArticleText.Key of its paragraphs; '' when too short
);

INSERT INTO articles_rebuilt (id, slug, source_name, title, title_source, journal_id, issue_id, published, summary,
                              word_count, canonical_url, doi, license, content_hash, revision, ingested_at, updated_at)
SELECT id, slug, source_name, title, title_source, journal_id, issue_id, published, summary,
       word_count, canonical_url, doi, license, content_hash, revision, ingested_at, updated_at
FROM articles;

DROP TABLE articles;
ALTER TABLE articles_rebuilt RENAME TO articles;

-- Every index the old table had (001, 002, 004), and the one duplicates are found by.
CREATE INDEX articles_journal ON articles (journal_id);
CREATE INDEX articles_issue ON articles (issue_id);
CREATE INDEX articles_published ON articles (published DESC, slug);
CREATE INDEX articles_title ON articles (title COLLATE NOCASE, slug);
CREATE INDEX articles_oldest_first ON articles (published IS NULL, published, slug);
CREATE INDEX articles_body_key ON articles (body_key) WHERE body_key <> '';

-- As in 002: the search index reads its rows from here.
CREATE VIEW search_passages AS
SELECT p.id AS id, p.article_id AS article_id, p.text AS text, COALESCE(s.heading, '') AS heading, a.title AS title
FROM paragraphs p
JOIN sections s ON s.id = p.section_id
JOIN articles a ON a.id = p.article_id;

ALTER TABLE issues ADD COLUMN year INTEGER NULL;
ALTER TABLE paragraphs ADD COLUMN kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'list-item'));

-- Region, places, category and source organisation: one row per value, in the page's order.
CREATE TABLE article_facets (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    facet      TEXT NOT NULL CHECK (facet IN ('region', 'place', 'category', 'source')),
    position   INTEGER NOT NULL,
    slug       TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (article_id, facet, position)
);
CREATE INDEX article_facets_slug ON article_facets (facet, slug, article_id);
