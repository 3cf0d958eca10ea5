-- ALTER DATABASE / ROLE ... SET (pg_db_role_setting, applied when a session starts) and
-- COMMENT ON DATABASE / ROLE (pg_shdescription).
CREATE DATABASE sc_db;
CREATE ROLE sc_role LOGIN;
ALTER DATABASE sc_db SET work_mem = '64MB';
ALTER DATABASE sc_db SET search_path TO a, "B c", public;
ALTER DATABASE sc_db SET app.tenant = 'x';
ALTER DATABASE sc_db SET statement_timeout FROM CURRENT;
ALTER DATABASE sc_db SET work_mem = '8MB';
ALTER ROLE sc_role SET work_mem = '32MB';
ALTER ROLE sc_role IN DATABASE sc_db SET work_mem = '16MB';
ALTER ROLE sc_role SET timezone = 'UTC';
ALTER ROLE ALL SET application_name = 'everyone';
SELECT d.datname, r.rolname, s.setconfig
FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase LEFT JOIN pg_roles r ON r.oid = s.setrole
WHERE s.setdatabase = 0 OR d.datname = 'sc_db' ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;
SELECT rolname, rolconfig FROM pg_roles WHERE rolname = 'sc_role';
SELECT usename, useconfig FROM pg_user WHERE usename = 'sc_role';
ALTER DATABASE sc_db RESET work_mem;
ALTER ROLE sc_role RESET ALL;
ALTER ROLE ALL RESET application_name;
ALTER DATABASE sc_db RESET nosuch_but_custom.setting;
SELECT d.datname, r.rolname, s.setconfig
FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase LEFT JOIN pg_roles r ON r.oid = s.setrole
WHERE s.setdatabase = 0 OR d.datname = 'sc_db' ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;
-- in a transaction: gone with ROLLBACK
BEGIN;
ALTER DATABASE sc_db SET work_mem = '2MB';
ROLLBACK;
SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
WHERE d.datname = 'sc_db' AND 'work_mem=2MB' = ANY(s.setconfig);
-- errors
ALTER DATABASE sc_db SET nosuch = 1;
ALTER DATABASE sc_db SET shared_buffers = '1MB';
ALTER DATABASE sc_db SET log_connections = on;
ALTER DATABASE sc_db SET wal_level = minimal;
ALTER DATABASE sc_db SET work_mem = 'abc';
ALTER DATABASE nosuch SET work_mem = '1MB';
ALTER ROLE nosuch SET work_mem = '1MB';
ALTER ROLE sc_role IN DATABASE nosuch SET work_mem = '1MB';
BEGIN READ ONLY;
ALTER DATABASE sc_db SET work_mem = '1MB';
ROLLBACK;
-- comments
COMMENT ON DATABASE sc_db IS 'the sc database';
COMMENT ON ROLE sc_role IS 'a role';
SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'sc_db';
SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = 'sc_role';
SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname IN ('postgres', 'template1') ORDER BY datname;
SELECT c.relname, s.description FROM pg_shdescription s JOIN pg_class c ON c.oid = s.classoid
WHERE s.objoid IN (SELECT oid FROM pg_database WHERE datname = 'sc_db' UNION ALL SELECT oid FROM pg_roles WHERE rolname = 'sc_role')
ORDER BY 1;
COMMENT ON DATABASE sc_db IS NULL;
COMMENT ON ROLE sc_role IS '';
SELECT count(*) FROM pg_shdescription WHERE description IN ('the sc database', 'a role');
COMMENT ON DATABASE nosuch IS 'x';
COMMENT ON ROLE nosuch IS 'x';
-- dropping the objects drops their settings and comments
COMMENT ON ROLE sc_role IS 'again';
ALTER ROLE sc_role IN DATABASE sc_db SET work_mem = '4MB';
DROP DATABASE sc_db;
DROP ROLE sc_role;
SELECT count(*) FROM pg_shdescription WHERE description = 'again';
SELECT count(*) FROM pg_db_role_setting WHERE setdatabase <> 0 AND setdatabase NOT IN (SELECT oid FROM pg_database);
