-- Keeping partners in sync (issue 15): the revisions an article replaced, the change log that the
-- change feed reads, and webhook subscriptions with their durable outbox and delivery log. Every
-- row here is written by ArticleWriter in the same transaction as the change it is about.

-- An article as it was at a revision, whole (facts, sections, paragraphs): the JSON of the
-- ArticleDetail a reader got then (ArticleSnapshots). Kept when a change replaces it (an update,
-- a correction, a withdrawal); the live revision is read from the live tables. Keyed by slug, as
-- a withdrawn article has no row in articles and a slug published again goes on with its numbers.
CREATE TABLE article_revisions (
    slug      TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    snapshot  TEXT NOT NULL,
    PRIMARY KEY (slug, revision)
) WITHOUT ROWID;

-- Every created, updated, corrected and withdrawn article, in commit order. The id is the change
-- feed's cursor: AUTOINCREMENT so that an id is never handed out twice, even after the newest row
-- is gone, and SQLite's single writer commits in id order (see ChangeLog).
CREATE TABLE article_changes (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    slug              TEXT NOT NULL,
    revision          INTEGER NOT NULL,
    previous_revision INTEGER NULL,     -- the live revision it replaced; null for a new article
    kind              TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'corrected', 'withdrawn')),
    at                TEXT NOT NULL,    -- UTC ISO 8601, the commit's
    title             TEXT NOT NULL,
    correction_note   TEXT NULL,        -- the editor's note of a correction, as it was then
    correction_date   TEXT NULL         -- yyyy-MM-dd, when the editor gave one
);
CREATE INDEX article_changes_slug ON article_changes (slug, id);
CREATE INDEX article_changes_corrections ON article_changes (id) WHERE kind = 'corrected';

-- What was in the archive before the log began is where the log begins: each live article as
-- created at its revision, each tombstone as withdrawn, oldest first, so a partner that follows
-- the feed from its start holds what the archive holds.
INSERT INTO article_changes (slug, revision, previous_revision, kind, at, title, correction_note, correction_date)
SELECT slug, revision, NULL, kind, at, title, note, date FROM (
    SELECT slug, revision, 'created' AS kind, updated_at AS at, title, correction_note AS note, correction_date AS date FROM articles
    UNION ALL
    SELECT slug, revision, 'withdrawn', withdrawn_at, title, NULL, NULL FROM article_withdrawals
) ORDER BY at, slug;

-- Webhook subscriptions, made by admin keys. The secret signs each delivery (HMAC-SHA256 of
-- Standard Webhooks), so it is kept as it was given out: this file is as secret as the keys it holds.
CREATE TABLE webhook_subscriptions (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL,
    events          TEXT NOT NULL,       -- comma-separated: article.created, article.updated, ...
    author          TEXT NULL,           -- filters, by slug: all that are given must match
    theme           TEXT NULL,
    journal         TEXT NULL,
    secret          TEXT NOT NULL,       -- whsec_<base64>
    key_id          INTEGER NULL REFERENCES api_keys (id),
    created_at      TEXT NOT NULL,
    failing_since   TEXT NULL,           -- the first failed attempt since the last success
    disabled_at     TEXT NULL,
    disabled_reason TEXT NULL
);

-- The outbox: one row per change and subscription that wants it, written with the change.
-- The message id is the webhook-id, the same on every attempt: the receiver's idempotency key.
CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    change_id       INTEGER NOT NULL REFERENCES article_changes (id),
    message_id      TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'abandoned')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    finished_at     TEXT NULL,
    last_error      TEXT NULL
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (subscription_id, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);

-- Each attempt, for the delivery log over HTTP.
CREATE TABLE webhook_attempts (
    id          INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL,
    at          TEXT NOT NULL,
    status_code INTEGER NULL,           -- the receiver's answer; null when there was none
    error       TEXT NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
