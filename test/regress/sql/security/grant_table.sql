-- Table and sequence privileges: GRANT/REVOKE [GRANT OPTION], PUBLIC, ALL TABLES IN SCHEMA, relacl, has_table_privilege, ownership
CREATE ROLE regress_owner;
CREATE ROLE regress_reader;
CREATE ROLE regress_writer;
CREATE ROLE regress_other;
CREATE TABLE t (id int PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
CREATE TABLE t2 (id int);
CREATE SEQUENCE s;
CREATE TABLE t3 (id serial, v text);
SELECT relname, relacl FROM pg_class WHERE relname IN ('t', 't2', 't3', 's') ORDER BY 1;
GRANT SELECT ON t TO regress_reader;
GRANT INSERT, UPDATE, DELETE ON TABLE t TO regress_writer;
SELECT relname, relacl FROM pg_class WHERE relname IN ('t', 't2') ORDER BY 1;
SELECT has_table_privilege('regress_reader', 't', 'SELECT'), has_table_privilege('regress_reader', 't', 'INSERT'),
       has_table_privilege('regress_writer', 't', 'INSERT, SELECT'), has_table_privilege('regress_writer', 'public.t', 'TRUNCATE'),
       has_table_privilege('t', 'SELECT');
-- errors: missing table (42P01), bad privilege name (22023)
SELECT has_table_privilege('regress_reader', 'nosuch', 'SELECT');
SELECT has_table_privilege('regress_reader', 't', 'EXECUTE');
-- the reader can only read
SET ROLE regress_reader;
SELECT * FROM t ORDER BY id;
COPY t TO STDOUT;
INSERT INTO t VALUES (3, 'c');
UPDATE t SET v = 'x';
DELETE FROM t;
TRUNCATE t;
RESET ROLE;
-- the writer cannot read: UPDATE/DELETE with WHERE and RETURNING need SELECT too
SET ROLE regress_writer;
SELECT * FROM t;
COPY t TO STDOUT;
INSERT INTO t VALUES (3, 'c');
INSERT INTO t VALUES (4, 'd') RETURNING id;
UPDATE t SET v = 'z';
UPDATE t SET v = 'y' WHERE id = 1;
DELETE FROM t WHERE id = 3;
BEGIN;
DELETE FROM t;
ROLLBACK;
TRUNCATE t;
RESET ROLE;
SELECT * FROM t ORDER BY id;
-- TRUNCATE, PUBLIC and ALL PRIVILEGES
GRANT TRUNCATE ON t TO regress_writer;
GRANT SELECT ON t2 TO PUBLIC;
GRANT ALL PRIVILEGES ON t2 TO regress_other;
GRANT ALL ON TABLE t2 TO regress_writer;
REVOKE DELETE, TRUNCATE ON t2 FROM regress_writer;
SELECT relname, relacl FROM pg_class WHERE relname IN ('t', 't2') ORDER BY 1;
SET ROLE regress_writer;
BEGIN;
TRUNCATE t;
ROLLBACK;
RESET ROLE;
SET ROLE regress_reader;
SELECT count(*) FROM t2;
RESET ROLE;
REVOKE ALL ON t2 FROM PUBLIC, regress_other;
SELECT relname, relacl FROM pg_class WHERE relname = 't2';
-- WITH GRANT OPTION lets the grantee pass the privilege on
GRANT SELECT ON t TO regress_reader WITH GRANT OPTION;
SET ROLE regress_reader;
GRANT SELECT ON t TO regress_other;
GRANT INSERT ON t TO regress_other;
RESET ROLE;
-- with no privilege at all on the table it is an error, not a warning
SET ROLE regress_other;
GRANT SELECT ON t2 TO regress_reader;
RESET ROLE;
SELECT relname, relacl FROM pg_class WHERE relname = 't';
SELECT has_table_privilege('regress_reader', 't', 'SELECT WITH GRANT OPTION'), has_table_privilege('regress_other', 't', 'SELECT');
-- revoking the grant option needs CASCADE while dependent grants exist (2BP01)
REVOKE GRANT OPTION FOR SELECT ON t FROM regress_reader;
REVOKE GRANT OPTION FOR SELECT ON t FROM regress_reader CASCADE;
SELECT relname, relacl FROM pg_class WHERE relname = 't';
-- ALL TABLES IN SCHEMA covers tables but not sequences
GRANT SELECT ON ALL TABLES IN SCHEMA public TO regress_other;
SELECT relname, relacl FROM pg_class WHERE relname IN ('t', 't2', 't3', 's') ORDER BY 1;
REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM regress_other;
-- sequences: USAGE allows nextval/currval, UPDATE allows setval
GRANT USAGE ON SEQUENCE s TO regress_reader;
GRANT INSERT ON t3 TO regress_writer;
SET ROLE regress_writer;
SELECT nextval('s');
INSERT INTO t3 (v) VALUES ('no sequence usage');
RESET ROLE;
SET ROLE regress_reader;
SELECT nextval('s');
SELECT setval('s', 10);
RESET ROLE;
GRANT USAGE ON SEQUENCE t3_id_seq TO regress_writer;
SET ROLE regress_writer;
INSERT INTO t3 (v) VALUES ('ok');
RESET ROLE;
SELECT relname, relacl FROM pg_class WHERE relname IN ('s', 't3_id_seq') ORDER BY 1;
-- REFERENCES and TRIGGER (regress_other may create in public for this)
CREATE FUNCTION regress_keep_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
GRANT CREATE ON SCHEMA public TO regress_other;
SET ROLE regress_other;
CREATE TABLE ref (id int REFERENCES t);
CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION regress_keep_row();
RESET ROLE;
GRANT REFERENCES, TRIGGER ON t TO regress_other;
SET ROLE regress_other;
CREATE TABLE ref (id int REFERENCES t);
CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION regress_keep_row();
DROP TRIGGER tr ON t;
DROP TABLE ref;
RESET ROLE;
DROP TRIGGER tr ON t;
REVOKE CREATE ON SCHEMA public FROM regress_other;
SELECT relname, relacl FROM pg_class WHERE relname = 't';
-- ownership: non-owners cannot ALTER or DROP (42501)
SET ROLE regress_reader;
DROP TABLE t;
ALTER TABLE t ADD COLUMN w int;
RESET ROLE;
ALTER TABLE t OWNER TO regress_owner;
SELECT relname, relowner::regrole, relacl FROM pg_class WHERE relname = 't';
SET ROLE regress_owner;
INSERT INTO t VALUES (5, 'e') RETURNING *;
UPDATE t SET v = 'E' WHERE id = 5;
GRANT UPDATE ON t TO regress_reader;
-- the owner may even revoke its own privileges
REVOKE SELECT ON t FROM regress_owner;
SELECT * FROM t;
GRANT SELECT ON t TO regress_owner;
SELECT count(*) FROM t;
SELECT relname, relacl FROM pg_class WHERE relname = 't';
DROP TABLE t;
RESET ROLE;
DROP TABLE t2, t3;
DROP SEQUENCE s;
DROP FUNCTION regress_keep_row();
DROP ROLE regress_owner, regress_reader, regress_writer, regress_other;
