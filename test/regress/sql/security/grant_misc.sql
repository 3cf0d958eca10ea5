-- Schema privileges, OWNER TO for tables/views/sequences/schemas, owner-only DDL, ownership catalogs, privilege functions WITH GRANT OPTION, pg_read/write_all_data, DROP ROLE dependencies, REASSIGN/DROP OWNED
CREATE ROLE regress_u1;
CREATE ROLE regress_u2;
CREATE ROLE regress_grp;
CREATE ROLE regress_reader;
CREATE ROLE regress_writer;
GRANT regress_grp TO regress_u1;

-- ===== schemas: USAGE to look up objects, CREATE to create them
CREATE SCHEMA s;
CREATE TABLE s.items (id int PRIMARY KEY, v text);
INSERT INTO s.items VALUES (1, 'one'), (2, 'two');
CREATE SEQUENCE s.counter;
SELECT nspname, nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 's';
SELECT has_schema_privilege('regress_u1', 's', 'USAGE') AS usage, has_schema_privilege('regress_u1', 's', 'CREATE') AS create;
SET ROLE regress_u1;
SELECT * FROM s.items;
SELECT nextval('s.counter');
CREATE TABLE s.mine (id int);
CREATE VIEW s.v AS SELECT 1 AS x;
RESET ROLE;
GRANT USAGE ON SCHEMA s TO regress_u1;
SELECT nspname, nspacl FROM pg_namespace WHERE nspname = 's';
SET ROLE regress_u1;
-- the schema is usable now; the table itself is not granted
SELECT * FROM s.items;
SELECT count(*) FROM pg_class WHERE relnamespace = 's'::regnamespace;
CREATE TABLE s.mine (id int);
RESET ROLE;
GRANT SELECT ON s.items TO regress_u1;
GRANT CREATE ON SCHEMA s TO regress_u1;
SET ROLE regress_u1;
SELECT * FROM s.items ORDER BY id;
CREATE TABLE s.mine (id int);
INSERT INTO s.mine VALUES (1);
RESET ROLE;
-- CREATE without USAGE: objects can be created but not looked up
REVOKE USAGE ON SCHEMA s FROM regress_u1;
SET ROLE regress_u1;
CREATE TABLE s.mine2 (id int);
SELECT * FROM s.mine;
SELECT * FROM s.mine2;
RESET ROLE;
SELECT nspname, nspacl FROM pg_namespace WHERE nspname = 's';
SELECT relname, relowner::regrole FROM pg_class WHERE relnamespace = 's'::regnamespace AND relkind = 'r' ORDER BY relname;
-- schema privileges WITH GRANT OPTION
GRANT USAGE ON SCHEMA s TO regress_u1 WITH GRANT OPTION;
SELECT has_schema_privilege('regress_u1', 's', 'USAGE WITH GRANT OPTION') AS u1_go,
       has_schema_privilege('regress_u1', 's', 'CREATE WITH GRANT OPTION') AS u1_create_go,
       has_schema_privilege('regress_u2', 's', 'USAGE') AS u2_usage;
SET ROLE regress_u1;
GRANT USAGE ON SCHEMA s TO regress_u2;
-- without the grant option for CREATE: a warning, nothing granted
GRANT CREATE ON SCHEMA s TO regress_u2;
RESET ROLE;
SELECT nspname, nspacl FROM pg_namespace WHERE nspname = 's';
SELECT has_schema_privilege('regress_u2', 's', 'USAGE') AS u2_usage, has_schema_privilege('regress_u2', 's', 'CREATE') AS u2_create;
-- errors: unknown schema (3F000), bad privilege (22023)
SELECT has_schema_privilege('regress_u1', 'nosuch', 'USAGE');
SELECT has_schema_privilege('regress_u1', 's', 'SELECT');
GRANT SELECT ON SCHEMA s TO regress_u1;
GRANT USAGE ON SCHEMA nosuch TO regress_u1;

-- ===== OWNER TO and owner-only DDL
CREATE TABLE t (id serial PRIMARY KEY, v text);
INSERT INTO t (v) VALUES ('a'), ('b');
CREATE VIEW v AS SELECT id, v FROM t;
CREATE SEQUENCE seq;
GRANT SELECT ON t TO regress_u2;
GRANT USAGE ON SEQUENCE seq TO regress_u2 WITH GRANT OPTION;
SELECT relname, relkind, relowner::regrole, relacl FROM pg_class WHERE relname IN ('t', 'v', 'seq', 't_id_seq') ORDER BY relname;
-- a non-owner cannot change the owner, alter or drop (42501)
SET ROLE regress_u1;
ALTER TABLE t OWNER TO regress_u1;
ALTER TABLE t ADD COLUMN w int;
ALTER TABLE t RENAME TO t_renamed;
ALTER TABLE t ALTER COLUMN v SET NOT NULL;
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
ALTER VIEW v RENAME TO v_renamed;
ALTER VIEW v OWNER TO regress_u1;
ALTER SEQUENCE seq RESTART WITH 100;
ALTER SEQUENCE seq OWNER TO regress_u1;
ALTER SCHEMA s OWNER TO regress_u1;
ALTER SCHEMA s RENAME TO s2;
CREATE INDEX t_v_idx ON t (v);
DROP TABLE t;
DROP VIEW v;
DROP SEQUENCE seq;
DROP SCHEMA s;
TRUNCATE t;
RESET ROLE;
-- the superuser gives them away
ALTER TABLE t OWNER TO regress_u1;
ALTER VIEW v OWNER TO regress_u1;
ALTER SEQUENCE seq OWNER TO regress_grp;
-- the owner's privileges move to the new owner; other grants keep it as grantor
SELECT relname, relkind, relowner::regrole, relacl FROM pg_class WHERE relname IN ('t', 'v', 'seq', 't_id_seq') ORDER BY relname;
SELECT tablename, tableowner FROM pg_tables WHERE tablename = 't';
SELECT viewname, viewowner FROM pg_views WHERE viewname = 'v';
SELECT sequencename, sequenceowner FROM pg_sequences WHERE sequencename IN ('seq', 't_id_seq') ORDER BY 1;
-- a sequence owned by a column follows its table and cannot be given away alone
ALTER SEQUENCE t_id_seq OWNER TO regress_u2;
-- the new owner: the new owner role must be one the current user is a member of (42501),
-- and it needs CREATE on the schema
SET ROLE regress_u1;
ALTER TABLE t OWNER TO regress_u2;
ALTER TABLE t OWNER TO regress_grp;
RESET ROLE;
GRANT CREATE ON SCHEMA public TO regress_grp;
SET ROLE regress_u1;
ALTER TABLE t OWNER TO regress_grp;
-- a member of the owning role (regress_grp) acts as the owner
ALTER TABLE t ADD COLUMN w int;
ALTER SEQUENCE seq RESTART WITH 100;
SELECT nextval('seq');
ALTER VIEW v OWNER TO regress_grp;
ALTER VIEW v RENAME TO v2;
ALTER VIEW v2 RENAME TO v;
RESET ROLE;
SELECT relname, relowner::regrole, relacl FROM pg_class WHERE relname IN ('t', 'v', 'seq', 't_id_seq') ORDER BY relname;
-- u2's SELECT on t survived both changes of owner (the grantor is the owner now); v was never granted
SET ROLE regress_u2;
SELECT id, v FROM t ORDER BY id;
SELECT id FROM v;
RESET ROLE;
-- a schema: owner-only, the new owner must be a member and the current user needs CREATE on the database
ALTER SCHEMA s OWNER TO regress_u1;
SELECT nspname, nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 's';
SET ROLE regress_u1;
ALTER SCHEMA s OWNER TO regress_u2;
ALTER SCHEMA s OWNER TO regress_grp;
RESET ROLE;
GRANT CREATE ON DATABASE regression TO regress_u1;
SET ROLE regress_u1;
ALTER SCHEMA s OWNER TO regress_grp;
ALTER SCHEMA s RENAME TO s_renamed;
ALTER SCHEMA s_renamed RENAME TO s;
RESET ROLE;
REVOKE CREATE ON DATABASE regression FROM regress_u1;
SELECT nspname, nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 's';
-- the schema's owner (through membership here) may drop any object in it; others may not
CREATE TABLE s.other (id int);
SET ROLE regress_u2;
DROP TABLE s.other;
RESET ROLE;
SET ROLE regress_u1;
DROP TABLE s.other;
RESET ROLE;
-- the privilege functions: owners hold every privilege with grant option
SELECT has_table_privilege('regress_grp', 't', 'SELECT WITH GRANT OPTION') AS grp_t,
       has_table_privilege('regress_u1', 't', 'SELECT WITH GRANT OPTION') AS u1_t,
       has_table_privilege('regress_u2', 't', 'SELECT') AS u2_t,
       has_table_privilege('regress_u2', 't', 'SELECT WITH GRANT OPTION') AS u2_t_go,
       has_table_privilege('regress_u2', 'v', 'SELECT') AS u2_v;
SELECT has_sequence_privilege('regress_u2', 'seq', 'USAGE') AS u2_usage,
       has_sequence_privilege('regress_u2', 'seq', 'USAGE WITH GRANT OPTION') AS u2_usage_go,
       has_sequence_privilege('regress_u2', 'seq', 'UPDATE') AS u2_update,
       has_sequence_privilege('regress_grp', 'seq', 'UPDATE WITH GRANT OPTION') AS grp_update_go,
       has_sequence_privilege('seq', 'SELECT') AS me_select;
SELECT has_sequence_privilege('regress_u2', 't', 'USAGE');
SELECT has_sequence_privilege('regress_u2', 'seq', 'INSERT');

-- ===== pg_read_all_data and pg_write_all_data
GRANT pg_read_all_data TO regress_reader;
GRANT pg_write_all_data TO regress_writer;
CREATE TABLE rls_t (id int, v text);
INSERT INTO rls_t VALUES (1, 'x');
ALTER TABLE rls_t ENABLE ROW LEVEL SECURITY;
SELECT has_table_privilege('regress_reader', 's.items', 'SELECT') AS r_select, has_table_privilege('regress_reader', 's.items', 'INSERT') AS r_insert,
       has_schema_privilege('regress_reader', 's', 'USAGE') AS r_usage, has_schema_privilege('regress_reader', 's', 'CREATE') AS r_create,
       has_table_privilege('regress_writer', 's.items', 'INSERT, UPDATE, DELETE') AS w_write, has_table_privilege('regress_writer', 's.items', 'SELECT') AS w_select;
SET ROLE regress_reader;
-- every table, view and sequence can be read, in any schema; nothing can be changed
SELECT * FROM s.items ORDER BY id;
SELECT id, v FROM t ORDER BY id;
SELECT id FROM v ORDER BY id;
SELECT last_value FROM seq;
SELECT count(*) FROM s.mine;
INSERT INTO s.items VALUES (3, 'three');
UPDATE t SET v = 'z';
SELECT nextval('seq');
-- it does not bypass row-level security
SELECT count(*) FROM rls_t;
RESET ROLE;
SET ROLE regress_writer;
-- every table can be written, in any schema; reading still needs SELECT
INSERT INTO s.items VALUES (3, 'three');
INSERT INTO t (id, v) VALUES (10, 'w');
UPDATE s.items SET v = 'THREE' WHERE id = 3;
DELETE FROM s.items WHERE id = 3;
UPDATE s.items SET v = upper(v);
SELECT * FROM s.items;
SELECT nextval('seq');
TRUNCATE s.items;
INSERT INTO rls_t VALUES (2, 'y');
RESET ROLE;
SELECT * FROM s.items ORDER BY id;
SELECT id, v FROM t ORDER BY id;
REVOKE pg_read_all_data FROM regress_reader;
SET ROLE regress_reader;
SELECT * FROM s.items;
RESET ROLE;

-- ===== DROP ROLE while objects or privileges depend on the role (2BP01)
DROP ROLE regress_grp;
DROP ROLE regress_u2;
DROP ROLE regress_u1;
-- a membership in pg_write_all_data is no dependency
DROP ROLE regress_writer;
-- revoke and give away, then it goes
REVOKE SELECT ON t FROM regress_u2;
REVOKE USAGE ON SEQUENCE seq FROM regress_u2 CASCADE;
REVOKE USAGE, CREATE ON SCHEMA s FROM regress_u2;
DROP ROLE regress_u2;

-- ===== REASSIGN OWNED and DROP OWNED
REASSIGN OWNED BY regress_grp TO regress_u1;
SELECT relname, relowner::regrole FROM pg_class WHERE relname IN ('t', 'v', 'seq', 't_id_seq') ORDER BY relname;
SELECT nspname, nspowner::regrole FROM pg_namespace WHERE nspname = 's';
DROP ROLE regress_grp;
REVOKE CREATE ON SCHEMA public FROM regress_grp;
DROP ROLE regress_grp;
-- DROP OWNED drops the role's objects and revokes its privileges
-- (schema s is regress_u1's now, but s.items and s.counter are still the superuser's)
DROP OWNED BY regress_u1;
DROP TABLE s.items;
DROP SEQUENCE s.counter;
DROP OWNED BY regress_u1;
SELECT relname FROM pg_class WHERE relname IN ('t', 'v', 'seq', 't_id_seq', 'mine', 'mine2') ORDER BY relname;
SELECT count(*) FROM pg_namespace WHERE nspname = 's';
DROP ROLE regress_u1;
DROP TABLE rls_t;
DROP ROLE regress_reader;
SELECT rolname FROM pg_roles WHERE rolname LIKE 'regress\_%' ORDER BY 1;
