-- CREATE DOMAIN, ALTER DOMAIN, DROP DOMAIN and renames, with PostgreSQL's errors.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN nn_posint posint NOT NULL DEFAULT 5;
CREATE DOMAIN code AS varchar(3) CONSTRAINT code_chk CHECK (VALUE <> 'bad') COLLATE "C";
CREATE DOMAIN maybe AS text NULL;
CREATE DOMAIN intlist AS integer[] CHECK (VALUE[1] > 0);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN goodmood AS mood CHECK (VALUE <> 'sad');
CREATE SCHEMA other;
CREATE DOMAIN other.amount AS numeric(10,2) DEFAULT 0 CHECK (VALUE >= 0);
SELECT typname, typtype, format_type(typbasetype, typtypmod) AS base, typnotnull, typdefault
  FROM pg_type WHERE typtype = 'd' AND typnamespace <> 'information_schema'::regnamespace ORDER BY typname;
-- errors of CREATE DOMAIN
CREATE DOMAIN posint AS integer;
CREATE DOMAIN bad AS integer NOT NULL NULL;
CREATE DOMAIN bad AS integer NULL NOT NULL;
CREATE DOMAIN bad AS integer DEFAULT 1 DEFAULT 2;
CREATE DOMAIN bad AS integer CHECK ((SELECT 1) > 0);
CREATE DOMAIN bad AS integer CHECK (VALUE > x);
CREATE DOMAIN bad AS serial;
CREATE DOMAIN bad AS nosuchtype;
CREATE DOMAIN bad AS integer CONSTRAINT c UNIQUE;
CREATE DOMAIN bad AS integer PRIMARY KEY;
CREATE DOMAIN bad AS integer REFERENCES t(a);
CREATE DOMAIN bad AS integer CHECK (VALUE > 0) DEFERRABLE;
CREATE DOMAIN bad AS integer COLLATE "C";
CREATE DOMAIN bad AS text COLLATE "nosuch";
CREATE DOMAIN bad AS integer DEFAULT 'x';
CREATE DOMAIN bad AS anyelement;
CREATE DOMAIN bad AS integer(3);
-- a table of them
CREATE TABLE t (a posint, b nn_posint, c code);
INSERT INTO t (a) VALUES (1);
INSERT INTO t VALUES (2, 7, 'abc');
-- ALTER DOMAIN ADD CONSTRAINT checks the stored values
ALTER DOMAIN posint ADD CONSTRAINT big CHECK (VALUE > 100);
ALTER DOMAIN posint ADD CONSTRAINT big CHECK (VALUE > 100) NOT VALID;
ALTER DOMAIN posint ADD CONSTRAINT big CHECK (VALUE > 200);
ALTER DOMAIN posint VALIDATE CONSTRAINT big;
INSERT INTO t (a) VALUES (50);
ALTER DOMAIN posint DROP CONSTRAINT big;
INSERT INTO t (a) VALUES (50);
ALTER DOMAIN posint DROP CONSTRAINT nope;
ALTER DOMAIN posint DROP CONSTRAINT IF EXISTS nope;
ALTER DOMAIN posint VALIDATE CONSTRAINT nope;
ALTER DOMAIN posint ADD CHECK (VALUE < 1000);
ALTER DOMAIN posint ADD CHECK (VALUE < 2000);
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = 'posint'::regtype ORDER BY conname;
ALTER DOMAIN posint ADD CONSTRAINT posint_check CHECK (VALUE < 10);
ALTER DOMAIN posint ADD CONSTRAINT nn NOT NULL;
ALTER DOMAIN posint ADD CONSTRAINT u UNIQUE;
-- NOT NULL
ALTER DOMAIN nn_posint DROP NOT NULL;
INSERT INTO t (a, b) VALUES (3, NULL);
ALTER DOMAIN nn_posint SET NOT NULL;
DELETE FROM t WHERE b IS NULL;
ALTER DOMAIN nn_posint SET NOT NULL;
ALTER DOMAIN posint SET NOT NULL;
ALTER DOMAIN posint DROP NOT NULL;
-- DEFAULT
ALTER DOMAIN nn_posint SET DEFAULT 9;
INSERT INTO t (a) VALUES (4);
ALTER DOMAIN nn_posint DROP DEFAULT;
INSERT INTO t (a) VALUES (5);
SELECT * FROM t ORDER BY a;
-- renames
ALTER DOMAIN code RENAME TO shortcode;
ALTER DOMAIN shortcode RENAME CONSTRAINT code_chk TO shortcode_chk;
ALTER DOMAIN shortcode RENAME CONSTRAINT nope TO x;
ALTER DOMAIN shortcode RENAME TO maybe;
ALTER DOMAIN mood ADD CHECK (true);
ALTER DOMAIN nosuch DROP DEFAULT;
SELECT conname, contypid::regtype FROM pg_constraint WHERE contypid <> 0 AND connamespace <> 'information_schema'::regnamespace ORDER BY 1;
-- DROP DOMAIN
DROP DOMAIN posint;
DROP DOMAIN posint RESTRICT;
DROP DOMAIN IF EXISTS nosuch;
DROP DOMAIN nosuch;
DROP DOMAIN mood;
DROP TABLE t;
DROP DOMAIN posint CASCADE;
DROP DOMAIN maybe, intlist;
DROP TYPE goodmood;
DROP DOMAIN other.amount, shortcode;
SELECT typname FROM pg_type WHERE typtype = 'd' AND typnamespace <> 'information_schema'::regnamespace ORDER BY typname;
-- transactional
BEGIN;
CREATE DOMAIN tmp AS int;
ROLLBACK;
SELECT 1::tmp;
