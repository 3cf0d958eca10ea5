-- Plans of a function's expressions and statements are kept from one run to the next, and made
-- again when what they were planned for changes: a record variable's shape, the catalog.

-- a record variable takes the shape of each row assigned to it
DO $$
DECLARE r record; x int;
BEGIN
  FOR i IN 1..3 LOOP
    IF i = 2 THEN SELECT 5 AS b INTO r;
    ELSE SELECT i AS a, i * 10 AS b INTO r;
    END IF;
    x := r.b;
    RAISE NOTICE 'pass %: r.b = %', i, x;
  END LOOP;
END $$;

-- the same in a statement run through the session
CREATE TABLE plan_cache_log (pass int, b text);
DO $$
DECLARE r record;
BEGIN
  FOR i IN 1..3 LOOP
    IF i = 2 THEN SELECT 'two'::text AS b INTO r;
    ELSE SELECT i AS a, (i * 10)::text AS b INTO r;
    END IF;
    INSERT INTO plan_cache_log VALUES (i, r.b);
  END LOOP;
END $$;
SELECT * FROM plan_cache_log ORDER BY pass;

-- a field whose type changes between rows of the same shape
DO $$
DECLARE r record;
BEGIN
  SELECT 1 AS v INTO r;
  RAISE NOTICE '% %', r.v + 1, pg_typeof(r.v);
  SELECT 1.5 AS v INTO r;
  RAISE NOTICE '% %', r.v + 1, pg_typeof(r.v);
  SELECT 'x'::text AS v INTO r;
  RAISE NOTICE '% %', r.v || 'y', pg_typeof(r.v);
END $$;

-- a kept statement plan follows the table through DDL between calls
CREATE TABLE plan_cache_items (id int PRIMARY KEY, qty int);
CREATE FUNCTION plan_cache_add(n int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE total bigint;
BEGIN
  INSERT INTO plan_cache_items SELECT coalesce(max(id), 0) + 1, n FROM plan_cache_items;
  UPDATE plan_cache_items SET qty = qty + 1 WHERE id = 1;
  SELECT sum(qty) INTO total FROM plan_cache_items;
  RETURN total;
END $$;
SELECT plan_cache_add(5);
SELECT plan_cache_add(7);
ALTER TABLE plan_cache_items ADD COLUMN note text DEFAULT 'added';
SELECT plan_cache_add(9);
ALTER TABLE plan_cache_items DROP COLUMN note;
ALTER TABLE plan_cache_items ALTER COLUMN qty TYPE bigint;
SELECT plan_cache_add(11);
SELECT * FROM plan_cache_items ORDER BY id;
DROP TABLE plan_cache_items;
SELECT plan_cache_add(1);
CREATE TABLE plan_cache_items (id int PRIMARY KEY, qty numeric);
SELECT plan_cache_add(2);
SELECT plan_cache_add(3);

-- a trigger function's statements, kept across the statements that fire it
CREATE TABLE plan_cache_orders (id int PRIMARY KEY, item int, qty int);
CREATE TABLE plan_cache_totals (item int PRIMARY KEY, qty int);
CREATE FUNCTION plan_cache_roll_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_cache_totals VALUES (NEW.item, NEW.qty)
    ON CONFLICT (item) DO UPDATE SET qty = plan_cache_totals.qty + EXCLUDED.qty;
  RETURN NEW;
END $$;
CREATE TRIGGER roll_up AFTER INSERT ON plan_cache_orders FOR EACH ROW EXECUTE FUNCTION plan_cache_roll_up();
INSERT INTO plan_cache_orders VALUES (1, 10, 2), (2, 10, 3), (3, 20, 1);
INSERT INTO plan_cache_orders VALUES (4, 20, 4);
BEGIN;
ALTER TABLE plan_cache_totals ADD COLUMN seen int DEFAULT 0;
INSERT INTO plan_cache_orders VALUES (5, 30, 6);
ROLLBACK;
INSERT INTO plan_cache_orders VALUES (6, 30, 7);
SELECT * FROM plan_cache_totals ORDER BY item;

DROP TABLE plan_cache_orders, plan_cache_totals, plan_cache_items, plan_cache_log;
DROP FUNCTION plan_cache_add(int), plan_cache_roll_up();
