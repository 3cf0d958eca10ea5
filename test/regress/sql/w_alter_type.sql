-- ALTER COLUMN ... TYPE with and without USING
CREATE TABLE m (id int PRIMARY KEY, amount text, flag int, created text);
INSERT INTO m VALUES (1, '10.50', 1, '2024-01-01'), (2, '3', 0, '2024-02-01');
ALTER TABLE m ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric;
ALTER TABLE m ALTER COLUMN flag TYPE boolean USING flag <> 0;
ALTER TABLE m ALTER COLUMN created TYPE date USING created::date;
ALTER TABLE m ALTER COLUMN id TYPE bigint;
SELECT * FROM m ORDER BY id;
SELECT pg_typeof(amount), pg_typeof(flag), pg_typeof(created), pg_typeof(id) FROM m LIMIT 1;
INSERT INTO m VALUES (1, 1, true, '2024-01-01');
-- errors
ALTER TABLE m ALTER COLUMN created TYPE int;
ALTER TABLE m ALTER COLUMN amount TYPE numeric(2,1);
ALTER TABLE m ALTER COLUMN nosuch TYPE int;
