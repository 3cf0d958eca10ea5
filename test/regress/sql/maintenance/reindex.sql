-- REINDEX rebuilds an index from its table: the same rows are found through it afterwards,
-- in or out of a transaction block, and the errors are PostgreSQL's.
CREATE TABLE ri (id int PRIMARY KEY, code text UNIQUE, grp int, note text);
CREATE INDEX ri_grp ON ri (grp);
CREATE INDEX ri_note_part ON ri (note) WHERE note IS NOT NULL;
CREATE INDEX ri_expr ON ri (lower(code));
INSERT INTO ri SELECT g, 'C' || g, g % 7, CASE WHEN g % 5 = 0 THEN 'n' || g END FROM generate_series(1, 2000) g;
DELETE FROM ri WHERE id % 11 = 0;
CREATE SEQUENCE ri_s;

REINDEX TABLE ri;
REINDEX INDEX ri_grp;
REINDEX (VERBOSE false) INDEX ri_expr;
REINDEX TABLE CONCURRENTLY ri;
REINDEX (CONCURRENTLY) INDEX ri_note_part;
REINDEX (TABLESPACE pg_default) TABLE ri;
REINDEX SCHEMA public;
SELECT current_database() AS db \gset
REINDEX DATABASE :"db";
REINDEX SYSTEM :"db";
REINDEX SYSTEM;

SELECT count(*), sum(id) FROM ri WHERE grp = 3;
SELECT id, code FROM ri WHERE code = 'C1234';
SELECT id FROM ri WHERE lower(code) = 'c77';
SELECT count(*) FROM ri WHERE note IS NOT NULL AND note > 'n1900';

-- in a transaction block, rolled back or committed, with changes before it
BEGIN;
INSERT INTO ri VALUES (3001, 'C3001', 3, 'n3001');
UPDATE ri SET grp = 3 WHERE id = 1;
REINDEX TABLE ri;
SELECT count(*) FROM ri WHERE grp = 3;
SELECT id FROM ri WHERE code = 'C3001';
ROLLBACK;
SELECT count(*) FROM ri WHERE grp = 3;
SELECT id FROM ri WHERE code = 'C3001';
BEGIN;
DELETE FROM ri WHERE grp = 3;
REINDEX INDEX ri_grp;
COMMIT;
SELECT count(*) FROM ri WHERE grp = 3;
SELECT count(*) FROM ri WHERE grp = 4;
-- a unique index still refuses duplicates after its rebuild
REINDEX INDEX ri_code_key;
INSERT INTO ri VALUES (5000, 'C1', 1, NULL);

-- errors
REINDEX TABLE ri_grp;
REINDEX INDEX ri;
REINDEX TABLE ri_s;
REINDEX TABLE nosuch;
REINDEX INDEX nosuch;
REINDEX SCHEMA nosuch;
REINDEX DATABASE other_db;
REINDEX (CONCURRENTLY) SYSTEM :"db";
REINDEX (TABLESPACE nosuch) TABLE ri;
REINDEX (nosuch) TABLE ri;
BEGIN;
REINDEX SCHEMA public;
ROLLBACK;
BEGIN;
REINDEX DATABASE :"db";
ROLLBACK;
BEGIN;
REINDEX TABLE CONCURRENTLY ri;
ROLLBACK;
DROP SEQUENCE ri_s;
DROP TABLE ri;
