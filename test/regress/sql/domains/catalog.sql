-- Domains in the catalogs: pg_type, pg_constraint, pg_attribute, format_type, regtype, \dD's
-- query.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN nn AS posint NOT NULL DEFAULT 5;
CREATE DOMAIN code AS varchar(3) CONSTRAINT code_chk CHECK (char_length(VALUE) > 1) COLLATE "C";
CREATE DOMAIN intlist AS integer[];
CREATE DOMAIN dflt AS text DEFAULT 'x' || 'y';
SELECT t.typname, t.typtype, t.typbasetype::regtype, t.typtypmod, t.typnotnull, t.typdefault, t.typdefaultbin IS NULL AS nobin,
       t.typarray::regtype, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory, t.typcollation, t.typndims,
       t.typinput, t.typoutput, t.typreceive, t.typsend, t.typanalyze, t.typsubscript, t.typelem, t.typrelid
  FROM pg_type t WHERE t.typtype = 'd' AND t.typnamespace = 'public'::regnamespace ORDER BY t.typname;
SELECT a.typname, a.typtype, a.typcategory, a.typelem::regtype, a.typinput, a.typoutput, a.typlen, a.typalign
  FROM pg_type a JOIN pg_type d ON a.oid = d.typarray WHERE d.typtype = 'd' AND d.typnamespace = 'public'::regnamespace ORDER BY a.typname;
SELECT conname, contype, contypid::regtype, conrelid, convalidated, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true),
       conkey, connamespace::regnamespace, condeferrable, conislocal, coninhcount, connoinherit
  FROM pg_constraint WHERE contypid <> 0 AND connamespace = 'public'::regnamespace ORDER BY conname;
CREATE TABLE t (a posint, b nn, c code, d intlist, e posint[], f code[]);
SELECT attname, atttypid::regtype, atttypmod, format_type(atttypid, atttypmod), attlen, attbyval, attcollation, attndims
  FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum;
SELECT 'posint'::regtype, 'posint[]'::regtype, '_posint'::regtype::oid = 'posint[]'::regtype::oid, 'public.code'::regtype;
SELECT format_type('posint'::regtype, NULL), format_type('code'::regtype, 12), format_type('_code'::regtype, NULL);
SELECT pg_type_is_visible('posint'::regtype);
CREATE SCHEMA other;
CREATE DOMAIN other.hidden AS int;
SELECT 'other.hidden'::regtype, format_type('other.hidden'::regtype, NULL);
SELECT pg_typeof(1::posint), pg_typeof(ARRAY[1]::posint[]), pg_typeof(1::other.hidden);
-- the query psql's \dD runs
SELECT n.nspname as "Schema",
       t.typname as "Name",
       pg_catalog.format_type(t.typbasetype, t.typtypmod) as "Type",
       (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type bt
        WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype AND t.typcollation <> bt.typcollation) as "Collation",
       CASE WHEN t.typnotnull THEN 'not null' END as "Nullable",
       t.typdefault as "Default",
       pg_catalog.array_to_string(ARRAY(
         SELECT pg_catalog.pg_get_constraintdef(r.oid, true) FROM pg_catalog.pg_constraint r WHERE t.oid = r.contypid
       ), ' ') as "Check"
FROM pg_catalog.pg_type t
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd'
      AND n.nspname <> 'pg_catalog'
      AND n.nspname <> 'information_schema'
  AND pg_catalog.pg_type_is_visible(t.oid)
ORDER BY 1, 2;
