-- One number that changes whenever the archive's content does: every transaction that saves an
-- article raises it. Readers (the HTTP caches) compare it instead of re-reading the content, and
-- it works across processes, which SQLite's per-connection PRAGMA data_version does not.
CREATE TABLE archive_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO archive_state (id, version) VALUES (1, 1);
