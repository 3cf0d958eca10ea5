-- pg_namespace, pg_class, pg_attribute, pg_index, pg_am and pg_tables over user objects; OIDs
-- of user objects differ between servers, so they are read through regclass and friends.
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name varchar(40), score numeric(6,2), at timestamptz);
CREATE INDEX users_lower_idx ON users (name DESC, id);
CREATE SCHEMA app;
CREATE TABLE app.items (id bigint PRIMARY KEY, owner int REFERENCES users, price real CHECK (price > 0), tags text[]);
ALTER TABLE users DROP COLUMN score;

SELECT nspname, nspowner::regrole FROM pg_namespace WHERE nspname IN ('public', 'app', 'pg_catalog') ORDER BY 1;
SELECT c.relname, c.relkind, c.relnatts, c.relchecks, c.relhasindex, c.relhastriggers, c.relpersistence, am.amname
FROM pg_class c LEFT JOIN pg_am am ON am.oid = c.relam
WHERE c.relnamespace IN ('public'::regnamespace, 'app'::regnamespace) ORDER BY 1;
SELECT attname, attnum, format_type(atttypid, atttypmod) AS type, attnotnull, atthasdef, attisdropped, attlen, attbyval, attalign, attstorage, attndims
FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0 ORDER BY attnum;
SELECT attname, format_type(atttypid, atttypmod), attcollation <> 0 AS collatable
FROM pg_attribute WHERE attrelid = 'app.items'::regclass AND attnum > 0 ORDER BY attnum;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'users_id_seq'::regclass AND attnum > 0 ORDER BY attnum;
SELECT indexrelid::regclass, indrelid::regclass, indnatts, indisunique, indisprimary, indkey, indoption, indclass
FROM pg_index WHERE indrelid IN ('users'::regclass, 'app.items'::regclass) ORDER BY 1::text;
SELECT i.indexrelid::regclass, a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indexrelid
WHERE i.indrelid = 'users'::regclass ORDER BY 1::text, a.attnum;
SELECT * FROM pg_tables WHERE schemaname IN ('public', 'app') ORDER BY 1, 2;
SELECT seqrelid::regclass, seqtypid::regtype, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle FROM pg_sequence;
SELECT amname, amtype FROM pg_am WHERE amname IN ('heap', 'btree') ORDER BY 1;
-- the catalogs describe themselves
SELECT relname, relkind, relnatts FROM pg_class WHERE relname IN ('pg_class', 'pg_attribute', 'pg_namespace', 'pg_type', 'pg_roles', 'pg_tables') ORDER BY 1;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pg_namespace'::regclass AND attnum > 0 ORDER BY attnum;
SELECT 'pg_class'::regclass::oid, 'pg_catalog.pg_type'::regclass::oid, 'pg_attribute'::regclass::oid;
-- a user table of the same name does not hide the catalog (pg_catalog comes first)
CREATE TABLE pg_am (x int);
SELECT count(*) > 1 FROM pg_am;
SELECT count(*) FROM public.pg_am;
