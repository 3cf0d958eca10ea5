-- Roles are created, changed and dropped transactionally, savepoints included
BEGIN;
CREATE ROLE rit_a;
SAVEPOINT s1;
CREATE ROLE rit_b;
ALTER ROLE rit_a CREATEDB;
ROLLBACK TO s1;
CREATE ROLE rit_c;
SAVEPOINT s2;
DROP ROLE rit_c;
RELEASE s2;
COMMIT;
SELECT rolname, rolcreatedb FROM pg_roles WHERE rolname LIKE 'rit_%' ORDER BY rolname;
BEGIN;
CREATE ROLE rit_d;
ROLLBACK;
SELECT rolname FROM pg_roles WHERE rolname LIKE 'rit_%' ORDER BY rolname;
DROP ROLE rit_a;
