-- VACUUM and ANALYZE check their arguments as PostgreSQL does; VACUUM compacts the tables' storage
CREATE TABLE vt (a int, b text);
VACUUM;
VACUUM vt;
VACUUM (VERBOSE false, ANALYZE) vt (a);
ANALYZE;
ANALYZE vt (b);
VACUUM FULL vt;
BEGIN;
ANALYZE vt;
COMMIT;
-- errors
VACUUM nope;
VACUUM vt (zz);
VACUUM (ANALYZE) vt (zz);
BEGIN;
VACUUM vt;
ROLLBACK;
ANALYZE nope;
-- deleted rows are gone after VACUUM, the rest still found through every index
CREATE TABLE vt2 (id int PRIMARY KEY, k int UNIQUE, t text);
CREATE INDEX vt2_t ON vt2 (t);
INSERT INTO vt2 SELECT g, g * 2, 'row ' || g FROM generate_series(1, 3000) g;
DELETE FROM vt2 WHERE id % 3 = 0;
UPDATE vt2 SET t = t || '!' WHERE id % 3 = 1;
VACUUM vt2;
VACUUM (FULL, ANALYZE) vt2;
SELECT count(*), sum(id) FROM vt2;
SELECT id, k, t FROM vt2 WHERE k = 200;
SELECT id, t FROM vt2 WHERE t = 'row 2998!' OR t = 'row 2999' ORDER BY id;
SELECT count(*) FROM vt2 WHERE id BETWEEN 1000 AND 1999;
-- CHECKPOINT: anywhere, by a superuser
CHECKPOINT;
BEGIN;
CHECKPOINT;
COMMIT;
DROP TABLE vt, vt2;
