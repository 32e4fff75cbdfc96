-- Publishing and correcting over HTTP (issue 14): API keys, the write audit, withdrawn articles,
-- the editor's correction note, and which file an article was last ingested from.

-- The hash of the file an article was last ingested from (null when it never came from a file).
-- A file whose hash is still this one has not changed since, so an ingest run leaves the article
-- as it is, even when it was corrected over HTTP meanwhile: a restart must not undo a correction.
ALTER TABLE articles ADD COLUMN file_hash TEXT NULL;
UPDATE articles SET file_hash = content_hash;

-- The editor's correction note, from the sidecar (or the metadata sent over HTTP).
ALTER TABLE articles ADD COLUMN correction_note TEXT NULL;
ALTER TABLE articles ADD COLUMN correction_date TEXT NULL;   -- yyyy-MM-dd, optional

-- A withdrawn article's tombstone. Its rows leave the live tables (so lists, counts, search and
-- feeds stop showing it without a filter in every query) and its last text and sidecar stay here,
-- whole: the article can be read back, parsed again, or published again. Its URLs answer 410.
-- The revision is the withdrawal's own (the last live one plus one); publishing the slug again
-- goes on from it, so a slug's revisions never repeat and an old ETag never matches a new article.
CREATE TABLE article_withdrawals (
    slug         TEXT PRIMARY KEY,
    source_name  TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    content_hash TEXT NOT NULL,         -- of the last live revision
    file_hash    TEXT NULL,             -- as articles.file_hash: an unchanged file does not bring it back
    withdrawn_at TEXT NOT NULL,         -- UTC ISO 8601
    text         TEXT NOT NULL,         -- the last live revision's source text and sidecar
    sidecar      TEXT NULL
);

-- API keys: only a salted hash of the secret is kept (HMAC-SHA256 keyed by a random per-key
-- salt), found by its public prefix. Keys are revoked, never deleted, so the audit keeps naming them.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    prefix     TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    scopes     TEXT NOT NULL,           -- comma-separated: read, write, admin
    salt       BLOB NOT NULL,
    hash       BLOB NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);

-- Every write: over HTTP, each attempt with its outcome (a change in the same transaction as the
-- change itself, a refusal after it); from the files, each change. Newest first by id.
CREATE TABLE write_audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,             -- UTC ISO 8601
    key_id   INTEGER NULL REFERENCES api_keys (id),
    action   TEXT NOT NULL,             -- put, patch, delete, ingest
    slug     TEXT NOT NULL,
    revision INTEGER NULL,              -- the article's revision after the write, when there is one
    outcome  TEXT NOT NULL,             -- created, updated, unchanged, withdrawn, or why it was refused
    status   INTEGER NULL,              -- the HTTP status answered
    detail   TEXT NULL
);
CREATE INDEX write_audit_key ON write_audit (key_id, id);
