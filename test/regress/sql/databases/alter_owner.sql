-- ALTER DATABASE ... WITH options / OWNER TO, and OWNER TO of the objects pg_dump names (the
-- bootstrap superuser owns them all, so handing them to it again succeeds)
CREATE ROLE tusk_owner_r;
CREATE DATABASE tusk_alter_db;
ALTER DATABASE tusk_alter_db WITH CONNECTION LIMIT 3 IS_TEMPLATE true;
ALTER DATABASE tusk_alter_db ALLOW_CONNECTIONS false;
SELECT datname, datistemplate, datallowconn, datconnlimit FROM pg_database WHERE datname = 'tusk_alter_db';
ALTER DATABASE tusk_alter_db OWNER TO tusk_owner_r;
SELECT d.datname, r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = 'tusk_alter_db';
ALTER DATABASE tusk_alter_db OWNER TO CURRENT_USER;
SELECT d.datname, r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = 'tusk_alter_db';
ALTER DATABASE tusk_alter_db WITH IS_TEMPLATE false;
CREATE TYPE owner_mood AS ENUM ('x');
CREATE SCHEMA owner_s;
CREATE TABLE owner_t (id serial PRIMARY KEY);
ALTER TABLE owner_t OWNER TO postgres;
ALTER TABLE owner_t_id_seq OWNER TO postgres;
ALTER SEQUENCE owner_t_id_seq OWNER TO postgres;
ALTER SCHEMA owner_s OWNER TO postgres;
ALTER TYPE owner_mood OWNER TO postgres;
-- errors
ALTER DATABASE regression ALLOW_CONNECTIONS false;
ALTER DATABASE tusk_alter_db WITH BOGUS 1;
ALTER DATABASE tusk_alter_db CONNECTION LIMIT -3;
ALTER DATABASE nosuch CONNECTION LIMIT 1;
ALTER DATABASE nosuch OWNER TO postgres;
ALTER DATABASE tusk_alter_db OWNER TO nobody;
ALTER TABLE nosuch OWNER TO postgres;
ALTER SEQUENCE owner_t OWNER TO postgres;
ALTER SCHEMA nosuch OWNER TO postgres;
ALTER TYPE nosuch OWNER TO postgres;
DROP DATABASE tusk_alter_db;
DROP TABLE owner_t;
DROP SCHEMA owner_s;
DROP TYPE owner_mood;
DROP ROLE tusk_owner_r;
