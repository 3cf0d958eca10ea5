-- roles: CREATE ROLE / USER with passwords (SCRAM-SHA-256), ALTER, DROP
CREATE ROLE regress_reader;
CREATE USER regress_app WITH PASSWORD 'secret' CREATEDB;
ALTER ROLE regress_app WITH PASSWORD 'changed';
ALTER ROLE regress_reader LOGIN;
DROP ROLE regress_reader;
DROP ROLE IF EXISTS regress_reader;
SELECT current_user, session_user;
-- errors
CREATE ROLE regress_app;
DROP ROLE regress_nosuch;
ALTER ROLE regress_nosuch PASSWORD 'x';
DROP ROLE regress_app;
