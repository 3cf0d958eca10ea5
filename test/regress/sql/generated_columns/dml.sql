-- INSERT, UPDATE, ON CONFLICT, COPY and RETURNING with stored generated columns.
CREATE TABLE t (a int PRIMARY KEY, b int GENERATED ALWAYS AS (a * 10) STORED, c text);
INSERT INTO t VALUES (1, DEFAULT, 'one') RETURNING *;
INSERT INTO t (a, c) VALUES (2, 'two') RETURNING b, c;
INSERT INTO t (a, b) VALUES (3, DEFAULT), (4, DEFAULT) RETURNING *;
INSERT INTO t (c, a) SELECT 'sel' || g, g FROM generate_series(5, 6) g RETURNING *;
INSERT INTO t VALUES (7) RETURNING *;
SELECT * FROM t ORDER BY a;
-- UPDATE computes it again from the new row.
UPDATE t SET a = a + 100 WHERE a = 1 RETURNING *;
UPDATE t SET b = DEFAULT, c = 'x' WHERE a = 2 RETURNING *;
UPDATE t SET c = 'y' WHERE a = 3 RETURNING a, b;
-- UPDATE ... FROM
CREATE TABLE src (k int, v int);
INSERT INTO src VALUES (4, 40), (5, 50);
UPDATE t SET a = src.v FROM src WHERE t.a = src.k RETURNING t.a, t.b, t.c, src.k;
SELECT * FROM t ORDER BY a;
-- ON CONFLICT DO UPDATE: the arbiter and the updated row see the computed values.
CREATE TABLE u (a int, g int GENERATED ALWAYS AS (a % 5) STORED, n int DEFAULT 0);
CREATE UNIQUE INDEX u_g ON u (g);
INSERT INTO u (a) VALUES (1), (2);
INSERT INTO u (a) VALUES (6) ON CONFLICT (g) DO UPDATE SET n = u.n + 1, a = excluded.a RETURNING *;
INSERT INTO u (a) VALUES (7) ON CONFLICT (g) DO UPDATE SET n = excluded.g + u.g, g = DEFAULT RETURNING *;
INSERT INTO u (a) VALUES (11) ON CONFLICT (g) DO NOTHING RETURNING *;
INSERT INTO u (a) VALUES (3) ON CONFLICT (g) DO NOTHING RETURNING *;
SELECT * FROM u ORDER BY a;
-- A unique index on a generated column enforces it.
INSERT INTO u (a) VALUES (8);
-- CHECK and NOT NULL see the computed value.
CREATE TABLE ck (a int, g int GENERATED ALWAYS AS (a - 10) STORED CHECK (g >= 0),
                 h int GENERATED ALWAYS AS (a + 1) STORED NOT NULL);
INSERT INTO ck VALUES (15);
INSERT INTO ck VALUES (5);
INSERT INTO ck VALUES (NULL);
UPDATE ck SET a = 1;
SELECT * FROM ck;
-- Index scans on a generated column.
CREATE TABLE big (id int PRIMARY KEY, sq int GENERATED ALWAYS AS (id * id) STORED);
INSERT INTO big (id) SELECT g FROM generate_series(1, 200) g;
CREATE INDEX big_sq ON big (sq);
SELECT id FROM big WHERE sq = 144;
SELECT count(*) FROM big WHERE sq BETWEEN 100 AND 400;
-- COPY FROM computes it; COPY TO leaves it out unless a query asks for it.
CREATE TABLE cp (a int, b int GENERATED ALWAYS AS (a + 1) STORED, c text);
COPY cp FROM stdin;
1	x
2	y
\.
COPY cp (c, a) FROM stdin (FORMAT csv);
z,3
\.
SELECT * FROM cp ORDER BY a;
COPY cp TO stdout;
COPY cp (a, c) TO stdout;
COPY (SELECT * FROM cp ORDER BY a) TO stdout (FORMAT csv, HEADER);
-- Foreign key actions that change a column the expression reads recompute it.
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (pid int REFERENCES parent ON UPDATE CASCADE, g int GENERATED ALWAYS AS (pid * 2) STORED);
INSERT INTO parent VALUES (1);
INSERT INTO child VALUES (1);
UPDATE parent SET id = 21;
SELECT * FROM child;
-- Prepared statements run it per execution.
PREPARE ins(int) AS INSERT INTO t (a) VALUES ($1) RETURNING b;
EXECUTE ins(1000);
EXECUTE ins(2000);
-- Types: numeric, text and a value too long for the column.
CREATE TABLE ty (a int, s varchar(3) GENERATED ALWAYS AS ('ab' || a) STORED);
INSERT INTO ty VALUES (1);
INSERT INTO ty VALUES (10);
SELECT * FROM ty;
-- Errors: a value other than DEFAULT for a generated column.
INSERT INTO t VALUES (9, 90, 'nine');
INSERT INTO t (a, b) VALUES (9, NULL);
INSERT INTO t (a, b) VALUES (9, DEFAULT), (10, 100);
INSERT INTO t (a, b) SELECT 9, 90;
INSERT INTO t OVERRIDING SYSTEM VALUE VALUES (9, 90);
INSERT INTO t OVERRIDING USER VALUE VALUES (9, 90);
UPDATE t SET b = 1;
UPDATE t SET b = b;
INSERT INTO u (a) VALUES (6) ON CONFLICT (g) DO UPDATE SET g = 3;
COPY cp (a, b) FROM stdin;
COPY cp (b) TO stdout;
SELECT * FROM t ORDER BY a;
