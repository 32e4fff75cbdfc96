-- Where each article's text was last read from, as a full path, so that an ingest error can name
-- the other file's folder ("its slug is already taken by /data/b/x.txt"), not only its name.
-- NULL for articles ingested before this script, until their next ingestion.
ALTER TABLE article_sources ADD COLUMN path TEXT NULL;
