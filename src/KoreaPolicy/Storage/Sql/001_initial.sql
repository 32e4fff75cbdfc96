-- The archive: journals and their issues, articles with their authors and themes,
-- sections and paragraphs in order, and the raw text each article was parsed from.
-- Articles are identified by their source (the file name); every child row is rewritten
-- with the article in one transaction, so ids that users see are natural keys
-- (slugs, positions, numbers), never rowids.

CREATE TABLE journals (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NULL,
    publisher   TEXT NULL
);

CREATE TABLE issues (
    id         INTEGER PRIMARY KEY,
    journal_id INTEGER NOT NULL REFERENCES journals (id),
    slug       TEXT NOT NULL,
    label      TEXT NOT NULL,
    volume     INTEGER NULL,
    number     INTEGER NULL,
    UNIQUE (journal_id, slug)
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    source_name   TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    title_source  TEXT NOT NULL CHECK (title_source IN ('source', 'editor', 'derived')),
    journal_id    INTEGER NOT NULL REFERENCES journals (id),
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
    updated_at    TEXT NOT NULL         -- last change of content, UTC ISO 8601
);
CREATE INDEX articles_journal ON articles (journal_id);
CREATE INDEX articles_issue ON articles (issue_id);
CREATE INDEX articles_published ON articles (published DESC, slug);

CREATE TABLE article_sources (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    text       TEXT NOT NULL,
    sidecar    TEXT NULL
);

CREATE TABLE article_metadata (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES authors (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors (author_id, article_id);

CREATE TABLE themes (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE article_themes (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    theme_id   INTEGER NOT NULL REFERENCES themes (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, theme_id)
);
CREATE INDEX article_themes_theme ON article_themes (theme_id, article_id);

CREATE TABLE sections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    slug       TEXT NOT NULL,
    heading    TEXT NULL,
    UNIQUE (article_id, position),
    UNIQUE (article_id, slug)
);

CREATE TABLE paragraphs (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    section_id  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,       -- 1-based across the article
    text        TEXT NOT NULL,
    footnotes   TEXT NOT NULL,          -- JSON array of footnote numbers cited at its end(s)
    UNIQUE (article_id, number)
);
CREATE INDEX paragraphs_section ON paragraphs (section_id, number);
