-- An UPDATE that moves a row to another partition is, for row triggers, a DELETE from the
-- partition it leaves and an INSERT into the one it enters (PostgreSQL 15).
CREATE TABLE rm (id int, grp text, v int) PARTITION BY LIST (grp);
CREATE TABLE rm_a PARTITION OF rm FOR VALUES IN ('a');
CREATE TABLE rm_b PARTITION OF rm FOR VALUES IN ('b');
CREATE TABLE rm_c PARTITION OF rm FOR VALUES IN ('c');
CREATE FUNCTION rm_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % on %: old %, new %', TG_WHEN, TG_LEVEL, TG_OP, TG_TABLE_NAME,
    CASE WHEN TG_OP <> 'INSERT' THEN OLD::text END, CASE WHEN TG_OP <> 'DELETE' THEN NEW::text END;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER rm_before BEFORE INSERT OR UPDATE OR DELETE ON rm FOR EACH ROW EXECUTE FUNCTION rm_note();
CREATE TRIGGER rm_after AFTER INSERT OR UPDATE OR DELETE ON rm FOR EACH ROW EXECUTE FUNCTION rm_note();
CREATE TRIGGER rm_stmt AFTER UPDATE ON rm FOR EACH STATEMENT EXECUTE FUNCTION rm_note();
INSERT INTO rm VALUES (1, 'a', 10), (2, 'a', 20), (3, 'b', 30);
UPDATE rm SET v = v + 1 WHERE id = 1;
UPDATE rm SET grp = 'b' WHERE id = 1;
UPDATE rm SET grp = 'c', v = 0 WHERE id IN (2, 3) RETURNING *;
SELECT tableoid::regclass, * FROM rm ORDER BY id;
-- A BEFORE DELETE trigger that returns NULL keeps the row where it is; a BEFORE INSERT one that
-- returns NULL drops it.
CREATE FUNCTION rm_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER rm_keep BEFORE DELETE ON rm_c FOR EACH ROW EXECUTE FUNCTION rm_keep();
UPDATE rm SET grp = 'a' WHERE id = 2;
DROP TRIGGER rm_keep ON rm_c;
CREATE TRIGGER rm_drop BEFORE INSERT ON rm_a FOR EACH ROW EXECUTE FUNCTION rm_keep();
UPDATE rm SET grp = 'a' WHERE id = 3;
SELECT tableoid::regclass, * FROM rm ORDER BY id;
DROP TABLE rm;
DROP FUNCTION rm_note(), rm_keep();
