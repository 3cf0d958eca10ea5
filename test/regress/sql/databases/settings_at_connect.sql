-- Settings from ALTER ROLE ALL / DATABASE / ROLE / ROLE IN DATABASE ... SET reach a new
-- session, the more specific winning, and RESET returns to them.
CREATE DATABASE sac_db;
CREATE ROLE sac_role LOGIN;
ALTER ROLE ALL SET statement_timeout = '55s';
ALTER DATABASE sac_db SET work_mem = '64MB';
ALTER DATABASE sac_db SET search_path TO a, "B c", public;
ALTER DATABASE sac_db SET lock_timeout = '7s';
ALTER ROLE sac_role SET work_mem = '32MB';
ALTER ROLE sac_role SET lock_timeout = '9s';
ALTER ROLE sac_role IN DATABASE sac_db SET work_mem = '16MB';
\c sac_db sac_role
SHOW work_mem;
SHOW search_path;
SHOW lock_timeout;
SHOW statement_timeout;
SELECT name, setting, source FROM pg_settings
WHERE name IN ('work_mem', 'search_path', 'lock_timeout', 'statement_timeout') ORDER BY name;
SET work_mem = '1MB';
RESET work_mem;
SHOW work_mem;
\c postgres sac_role
SHOW work_mem;
SHOW search_path;
SHOW lock_timeout;
\c postgres postgres
SHOW work_mem;
SHOW statement_timeout;
ALTER ROLE ALL RESET statement_timeout;
DROP DATABASE sac_db;
DROP ROLE sac_role;
