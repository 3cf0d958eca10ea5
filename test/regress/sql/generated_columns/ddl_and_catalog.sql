-- Stored generated columns: how they are declared, added and dropped, and how the catalogs,
-- information_schema and psql show them.
CREATE TABLE items (
  id int PRIMARY KEY,
  price numeric(10,2),
  qty int,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  label text GENERATED ALWAYS AS ('item ' || id) STORED,
  big int GENERATED ALWAYS AS (qty * 2) STORED NOT NULL
);
\d items
SELECT attname, attgenerated, atthasdef, attnotnull FROM pg_attribute
 WHERE attrelid = 'items'::regclass AND attnum > 0 ORDER BY attnum;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid)
  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
 WHERE d.adrelid = 'items'::regclass ORDER BY d.adnum;
SELECT column_name, is_generated, generation_expression, column_default, is_updatable
  FROM information_schema.columns WHERE table_name = 'items' ORDER BY ordinal_position;
-- A generated column next to a default: only the generated one is "ALWAYS".
CREATE TABLE mixed (a int DEFAULT 7, b int GENERATED ALWAYS AS (a + 1) STORED);
INSERT INTO mixed DEFAULT VALUES;
SELECT * FROM mixed;
SELECT column_name, column_default, is_generated, generation_expression
  FROM information_schema.columns WHERE table_name = 'mixed' ORDER BY ordinal_position;
-- ADD COLUMN computes the value for the rows already there.
CREATE TABLE pts (x int, y int);
INSERT INTO pts VALUES (1, 2), (3, 4), (NULL, 5);
ALTER TABLE pts ADD COLUMN s int GENERATED ALWAYS AS (x + y) STORED;
SELECT * FROM pts ORDER BY y;
ALTER TABLE pts ADD COLUMN p int GENERATED ALWAYS AS (x * y) STORED NOT NULL;
ALTER TABLE pts ADD COLUMN IF NOT EXISTS s int GENERATED ALWAYS AS (x) STORED;
-- Indexes and constraints over generated columns.
CREATE INDEX pts_s ON pts (s);
CREATE UNIQUE INDEX pts_s1 ON pts ((s + 1));
ALTER TABLE pts ADD CONSTRAINT s_positive CHECK (s > 0);
ALTER TABLE pts ADD CONSTRAINT s_small CHECK (s < 5);
\d pts
-- RENAME COLUMN follows into the expression.
ALTER TABLE pts RENAME COLUMN x TO xx;
\d pts
-- DROP EXPRESSION keeps the values and makes an ordinary column.
ALTER TABLE pts ALTER COLUMN s DROP EXPRESSION;
INSERT INTO pts VALUES (10, 20, 99);
SELECT * FROM pts ORDER BY y;
ALTER TABLE pts ALTER COLUMN s DROP EXPRESSION;
ALTER TABLE pts ALTER COLUMN s DROP EXPRESSION IF EXISTS;
ALTER TABLE pts ALTER COLUMN y DROP EXPRESSION;
SELECT attname, attgenerated, atthasdef FROM pg_attribute
 WHERE attrelid = 'pts'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
-- Dropping a column an expression reads: refused, or CASCADE drops the generated column too.
CREATE TABLE dep (a int, b int, g1 int GENERATED ALWAYS AS (a * 2) STORED,
                  g2 int GENERATED ALWAYS AS (a + b) STORED);
CREATE INDEX dep_g1 ON dep (g1);
ALTER TABLE dep DROP COLUMN b;
ALTER TABLE dep DROP COLUMN a;
ALTER TABLE dep DROP COLUMN b CASCADE;
\d dep
ALTER TABLE dep DROP COLUMN a CASCADE;
\d dep
-- A view reading the generated column goes too.
CREATE TABLE dep3 (a int, b int GENERATED ALWAYS AS (a * 3) STORED);
CREATE VIEW dep3_v AS SELECT b FROM dep3;
ALTER TABLE dep3 DROP COLUMN a;
ALTER TABLE dep3 DROP COLUMN a CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'dep3%';
-- A generated column of a domain type is checked as the domain says.
CREATE DOMAIN pos AS int CHECK (VALUE > 0);
CREATE TABLE dom (a int, g pos GENERATED ALWAYS AS (a - 1) STORED);
INSERT INTO dom VALUES (5);
INSERT INTO dom VALUES (1);
SELECT * FROM dom;
-- A generated column itself drops like any other.
CREATE TABLE dep2 (a int, g int GENERATED ALWAYS AS (a * 2) STORED);
ALTER TABLE dep2 DROP COLUMN g;
INSERT INTO dep2 VALUES (1);
SELECT * FROM dep2;
-- ALTER COLUMN TYPE: refused for a column an expression reads; the generated column's own
-- type may change (values computed again).
CREATE TABLE ty (a int, g int GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO ty VALUES (5);
ALTER TABLE ty ALTER COLUMN a TYPE bigint;
ALTER TABLE ty ALTER COLUMN g TYPE numeric;
SELECT * FROM ty;
SELECT pg_typeof(g) FROM ty;
-- Format of pg_get_expr for casts and functions in the expression.
CREATE TABLE fmt (a int, t text, d date,
  g1 text GENERATED ALWAYS AS (upper(t) || '-' || a::text) STORED,
  g2 int GENERATED ALWAYS AS (length(t)) STORED,
  g3 numeric GENERATED ALWAYS AS (a / 3.0) STORED,
  g4 date GENERATED ALWAYS AS (d + 1) STORED,
  g5 boolean GENERATED ALWAYS AS (a > 0 AND t IS NOT NULL) STORED,
  g6 int GENERATED ALWAYS AS (coalesce(a, 0) + 1) STORED);
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid)
  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
 WHERE d.adrelid = 'fmt'::regclass ORDER BY d.adnum;
INSERT INTO fmt (a, t, d) VALUES (7, 'ab', '2024-02-28'), (NULL, NULL, NULL);
SELECT * FROM fmt ORDER BY a;
-- tableoid is allowed (the table's OID, which never changes).
CREATE TABLE tid (a int, g oid GENERATED ALWAYS AS (tableoid) STORED);
INSERT INTO tid VALUES (1);
SELECT g = 'tid'::regclass AS same FROM tid;
-- The errors of the DDL statements.
ALTER TABLE mixed ALTER COLUMN b SET DEFAULT 5;
ALTER TABLE mixed ALTER COLUMN b DROP DEFAULT;
ALTER TABLE mixed ALTER COLUMN nope DROP EXPRESSION;
