-- What a generation expression may not be, with PostgreSQL's errors.
-- another generated column, itself, a whole row, system columns
CREATE TABLE e1 (a int, b int GENERATED ALWAYS AS (b * 2) STORED);
CREATE TABLE e2 (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int GENERATED ALWAYS AS (b + 1) STORED);
CREATE TABLE e3 (a int, c int GENERATED ALWAYS AS (b + 1) STORED, b int GENERATED ALWAYS AS (a * 2) STORED);
CREATE TABLE e4 (a int, b text GENERATED ALWAYS AS (e4) STORED);
CREATE TABLE e5 (a int, b text GENERATED ALWAYS AS (ctid) STORED);
CREATE TABLE e6 (a int, b int GENERATED ALWAYS AS (xmin::text::int) STORED);
-- not immutable
CREATE TABLE e7 (a int, b float8 GENERATED ALWAYS AS (random()) STORED);
CREATE TABLE e8 (a int, b timestamptz GENERATED ALWAYS AS (now()) STORED);
CREATE TABLE e9 (a timestamptz, b text GENERATED ALWAYS AS (a::text) STORED);
CREATE TABLE e10 (a timestamptz, b date GENERATED ALWAYS AS (a::date) STORED);
CREATE TABLE e11 (a int, b date GENERATED ALWAYS AS (CURRENT_DATE) STORED);
CREATE TABLE e12 (a text, b timestamptz GENERATED ALWAYS AS (a::timestamptz) STORED);
CREATE TABLE e13 (a timestamptz, b timestamptz GENERATED ALWAYS AS (a + interval '1 day') STORED);
CREATE TABLE e14 (a int, b text GENERATED ALWAYS AS (to_char(a, '999')) STORED);
-- I/O conversions are as volatile as the types' output and input functions
CREATE TABLE e15 (a timestamp, c text GENERATED ALWAYS AS (a::text) STORED);
CREATE TABLE e16 (a date, d text GENERATED ALWAYS AS (a::text) STORED);
CREATE TABLE e17 (a int[], d text GENERATED ALWAYS AS (a::text) STORED);
CREATE TABLE e18 (a text, d int[] GENERATED ALWAYS AS (a::int[]) STORED);
CREATE TABLE e19 (a interval, d text GENERATED ALWAYS AS (a::text) STORED);
CREATE TABLE e20 (a timestamptz, d numeric GENERATED ALWAYS AS (extract(epoch from a)) STORED);
CREATE TYPE mood AS ENUM ('ok');
CREATE TABLE e35 (m mood, t text GENERATED ALWAYS AS (m::text) STORED);
-- immutable ones are fine
CREATE TABLE ok1 (a timestamp, b timestamp GENERATED ALWAYS AS (a + interval '1 day') STORED,
                  c date GENERATED ALWAYS AS (a::date) STORED, d numeric GENERATED ALWAYS AS (extract(year from a)) STORED,
                  e timestamp GENERATED ALWAYS AS (date_trunc('day', a)) STORED);
CREATE TABLE ok2 (a text, b int GENERATED ALWAYS AS (length(lower(a))) STORED,
                  c text GENERATED ALWAYS AS ('x' || a || 1) STORED, d int GENERATED ALWAYS AS (a::int) STORED);
CREATE TABLE ok3 (a numeric, b bool, t text,
                  c text GENERATED ALWAYS AS (a::text || a::int) STORED, d text GENERATED ALWAYS AS (b::text) STORED,
                  f text GENERATED ALWAYS AS (substr(t, 1, 2) || trim(t) || replace(t, 'a', 'b')) STORED);
INSERT INTO ok1 (a) VALUES ('2024-02-28 13:45');
SELECT * FROM ok1;
INSERT INTO ok3 (a, b, t) VALUES (2.5, true, ' abc ');
SELECT * FROM ok3;
INSERT INTO ok2 (a) VALUES ('42');
SELECT * FROM ok2;
INSERT INTO ok2 (a) VALUES ('x');
-- aggregates, window functions, subqueries, set-returning functions
CREATE TABLE e21 (a int, b int GENERATED ALWAYS AS (sum(a)) STORED);
CREATE TABLE e22 (a int, b int GENERATED ALWAYS AS (row_number() OVER ()) STORED);
CREATE TABLE e23 (a int, b int GENERATED ALWAYS AS ((SELECT 1)) STORED);
CREATE TABLE e24 (a int, b bool GENERATED ALWAYS AS (a IN (SELECT 1)) STORED);
CREATE TABLE e25 (a int, b int GENERATED ALWAYS AS (generate_series(1, a)) STORED);
-- names and types
CREATE TABLE e26 (a int, b int GENERATED ALWAYS AS (nope) STORED);
CREATE TABLE e27 (a int, b int GENERATED ALWAYS AS (e27.nope) STORED);
CREATE TABLE e28 (a text, b int GENERATED ALWAYS AS (a) STORED);
CREATE TABLE e29 (a int, b int GENERATED ALWAYS AS ('x') STORED);
CREATE TABLE e30 (a int, b int GENERATED ALWAYS AS (no_such_function(a)) STORED);
-- with DEFAULT or identity, twice
CREATE TABLE e31 (a int, b int DEFAULT 1 GENERATED ALWAYS AS (a) STORED);
CREATE TABLE e32 (a int, b int GENERATED ALWAYS AS (a) STORED DEFAULT 1);
CREATE TABLE e33 (a int, b int GENERATED ALWAYS AS IDENTITY GENERATED ALWAYS AS (a) STORED);
CREATE TABLE e34 (a int, b int GENERATED ALWAYS AS (a) STORED GENERATED ALWAYS AS (a + 1) STORED);
-- ALTER TABLE ADD COLUMN with the same checks
CREATE TABLE base (a int, g int GENERATED ALWAYS AS (a) STORED);
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS (g + 1) STORED;
ALTER TABLE base ADD COLUMN h float8 GENERATED ALWAYS AS (random()) STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS ((SELECT 1)) STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS (nope) STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS ('x') STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS (sum(a)) STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS (ctid) STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS (base) STORED;
ALTER TABLE base ADD COLUMN h int DEFAULT 0 GENERATED ALWAYS AS (a) STORED;
ALTER TABLE base ADD COLUMN h int GENERATED ALWAYS AS (a) STORED GENERATED ALWAYS AS (a) STORED;
-- nothing was created
SELECT relname FROM pg_class WHERE relname ~ '^e[0-9]+$' ORDER BY 1;
\d base
