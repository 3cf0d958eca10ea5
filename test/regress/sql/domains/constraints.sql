-- Casts and assignments to a domain check its NOT NULL and CHECK constraints, every level of
-- a domain over a domain: NOT NULL first, then the innermost domain's CHECKs by name.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN small AS posint CONSTRAINT b_lt100 CHECK (VALUE < 100) CONSTRAINT a_even CHECK (VALUE % 2 = 0) NOT NULL;
SELECT 4::small, '8'::small, 3::posint;
SELECT 0::posint;
SELECT (-1)::small;
SELECT 200::small;
SELECT 7::small;
SELECT 101::small;
SELECT NULL::posint, NULL::posint IS NULL;
SELECT NULL::small;
-- a CHECK that is NULL passes; one that looks at NULL may fail
CREATE DOMAIN notnull_by_check AS text CHECK (VALUE IS NOT NULL);
SELECT NULL::notnull_by_check;
SELECT 'x'::notnull_by_check;
-- domains over varchar, numeric, enums, arrays, timestamps
CREATE DOMAIN code AS varchar(3) CHECK (VALUE IN ('YES', 'NO'));
SELECT 'YES'::code, 'NO'::code;
SELECT 'MAYBE'::code;
SELECT 'yes'::code;
CREATE DOMAIN money2 AS numeric(6,2) CHECK (VALUE >= 0);
SELECT 1.005::money2, 12.3::money2;
SELECT (-0.001)::money2;
SELECT 123456.7::money2;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN goodmood AS mood CHECK (VALUE > 'sad');
SELECT 'ok'::goodmood, 'happy'::goodmood;
SELECT 'sad'::goodmood;
SELECT 'angry'::goodmood;
ALTER TYPE mood ADD VALUE 'ecstatic';
SELECT 'ecstatic'::goodmood;
CREATE DOMAIN intlist AS integer[] CHECK (array_length(VALUE, 1) <= 3);
SELECT '{1,2,3}'::intlist, ARRAY[4]::intlist;
SELECT '{1,2,3,4}'::intlist;
CREATE DOMAIN ts2 AS timestamptz(2);
SET TimeZone = 'UTC';
SELECT '2024-01-02 03:04:05.6789+00'::ts2;
-- arrays of a domain check each element
SELECT '{1,2}'::posint[];
SELECT '{1,-2}'::posint[];
SELECT ARRAY[1, NULL]::small[];
-- the error names the domain cast to
CREATE DOMAIN outer_d AS small;
SELECT 3::outer_d;
SELECT NULL::outer_d;
-- NOT VALID constraints still apply to new values
CREATE TABLE t (a posint);
INSERT INTO t VALUES (5);
ALTER DOMAIN posint ADD CONSTRAINT lt3 CHECK (VALUE < 3) NOT VALID;
SELECT * FROM t;
INSERT INTO t VALUES (4);
INSERT INTO t VALUES (2);
SELECT * FROM t ORDER BY a;
