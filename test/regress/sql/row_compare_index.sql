-- Row comparisons as index ranges (keyset pagination): the same rows as a filter would give,
-- with NULLs in the data and in the bound, both index directions and inclusive bounds.
CREATE TABLE ev (id int PRIMARY KEY, grp int NOT NULL, at int, seq int NOT NULL, note int);
INSERT INTO ev SELECT i, i % 3, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 17 END, i, CASE WHEN i % 5 = 0 THEN NULL ELSE i END
  FROM generate_series(1, 300) i;
CREATE INDEX ev_desc ON ev (grp, at DESC, seq DESC);
CREATE INDEX ev_asc ON ev (at, seq);
CREATE INDEX ev_note ON ev (grp, at, note);
-- keyset pages, newest first
SELECT id, at, seq FROM ev WHERE grp = 1 AND (at, seq) < (9, 200) ORDER BY at DESC, seq DESC LIMIT 8;
SELECT id, at, seq FROM ev WHERE grp = 1 AND (at, seq) <= (9, 196) ORDER BY at DESC, seq DESC LIMIT 5;
SELECT id, at, seq FROM ev WHERE grp = 2 AND (at, seq) > (15, 100) ORDER BY at, seq LIMIT 6;
SELECT count(*) FROM ev WHERE grp = 2 AND (at, seq) >= (15, 100);
-- without an equality prefix
SELECT id, at, seq FROM ev WHERE (at, seq) > (16, 250) ORDER BY at, seq;
SELECT count(*) FROM ev WHERE (at, seq) < (0, 1000);
-- NULL in the bound: only the pairs before it decide
SELECT count(*) FROM ev WHERE grp = 0 AND (at, seq) < (5, NULL);
SELECT count(*) FROM ev WHERE grp = 0 AND (at, seq) <= (5, NULL);
SELECT count(*) FROM ev WHERE grp = 0 AND (at, seq) > (NULL, 5);
-- a nullable later column: rows where it is NULL compare as NULL at a tie
SELECT id, at, note FROM ev WHERE grp = 0 AND (at, note) < (3, 150) ORDER BY at DESC, note DESC LIMIT 6;
SELECT count(*) FROM ev WHERE grp = 0 AND (at, note) >= (3, 150);
-- the value side written first
SELECT count(*) FROM ev WHERE grp = 1 AND (10, 100) > (at, seq);
