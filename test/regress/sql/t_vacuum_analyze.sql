-- VACUUM and ANALYZE are accepted (Tusk needs neither) and check their arguments
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
