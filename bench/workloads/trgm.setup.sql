-- Title search by fragment (WHERE title ILIKE '%fragment%'), which users of every seed expect
-- to be fast: 100k titles of four words from an 8,000-word vocabulary, a GIN gin_trgm_ops
-- index, and 2,000 fragments of four letters cut from vocabulary words, in either case.
-- Integer arithmetic only, so every PostgreSQL-compatible engine generates identical text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DROP TABLE IF EXISTS titles;
DROP TABLE IF EXISTS fragments;
DROP TABLE IF EXISTS title_words;
CREATE TABLE title_words (k int PRIMARY KEY, w text NOT NULL);
INSERT INTO title_words
SELECT k, (ARRAY['ka','lo','mi','ne','ru','sa','ti','vo','zen','dar','pel','qui','ron','sil','tor','ux','wen','yal','bri','cho'])[1 + k % 20]
       || (ARRAY['ber','cal','dor','fen','gar','hil','jor','kel','lum','mar','nor','pix','quar','ros','sten','tal','ven','wix','yor','zul'])[1 + (k / 20) % 20]
       || (ARRAY['', 'ing', 'ed', 's', 'er', 'ly', 'tion', 'ness', 'ment', 'able', 'ful', 'ous', 'ive', 'al', 'ist', 'ize', 'ism', 'ity', 'ward', 'less'])[1 + (k / 400) % 20]
FROM generate_series(0, 7999) AS k;
CREATE TABLE fragments (k int PRIMARY KEY, f text NOT NULL);
INSERT INTO fragments
SELECT k, CASE WHEN k % 2 = 0 THEN substr(w, 2, 4) ELSE upper(substr(w, 2, 4)) END
FROM title_words WHERE k < 2000;
CREATE TABLE titles (id int PRIMARY KEY, title text NOT NULL);
INSERT INTO titles
SELECT d, initcap(a.w) || ' ' || b.w || ' ' || c.w || ' ' || e.w
FROM generate_series(1, 100000) AS d
JOIN title_words a ON a.k = (d::bigint * 7919) % 8000
JOIN title_words b ON b.k = (d::bigint * 104729 + 17) % 8000
JOIN title_words c ON c.k = (d::bigint * 1299709 + 331) % 8000
JOIN title_words e ON e.k = (d::bigint * 15485863 + 4099) % 8000;
CREATE INDEX titles_title_trgm ON titles USING gin (title gin_trgm_ops);
ANALYZE titles;
