-- Triggers on partitioned tables: row triggers are copied to every partition (pg_trigger's
-- tgparentid) and fire for the rows each partition takes; statement triggers fire once, on the
-- table the statement names.
CREATE TABLE trg_p (id int, grp text, note text) PARTITION BY LIST (grp);
CREATE TABLE trg_a PARTITION OF trg_p FOR VALUES IN ('a');
CREATE TABLE trg_bc PARTITION OF trg_p FOR VALUES IN ('b', 'c') PARTITION BY LIST (grp);
CREATE TABLE trg_b PARTITION OF trg_bc FOR VALUES IN ('b');
CREATE FUNCTION trg_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % on % (%)', TG_NAME, TG_WHEN, TG_OP, TG_TABLE_NAME, TG_LEVEL;
  IF TG_LEVEL = 'ROW' AND TG_WHEN = 'BEFORE' AND TG_OP <> 'DELETE' THEN
    NEW.note := coalesce(NEW.note, '') || '+' || TG_TABLE_NAME;
    RETURN NEW;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER b_row BEFORE INSERT OR UPDATE OR DELETE ON trg_p FOR EACH ROW EXECUTE FUNCTION trg_note();
CREATE TRIGGER a_row AFTER INSERT OR UPDATE OR DELETE ON trg_p FOR EACH ROW EXECUTE FUNCTION trg_note();
CREATE TRIGGER s_stmt AFTER INSERT OR UPDATE OR DELETE ON trg_p FOR EACH STATEMENT EXECUTE FUNCTION trg_note();
-- a partition made later takes the row triggers too
CREATE TABLE trg_c PARTITION OF trg_bc FOR VALUES IN ('c');
SELECT tgrelid::regclass, tgname, tgparentid <> 0 AS copied FROM pg_trigger WHERE tgrelid::regclass::text LIKE 'trg%' ORDER BY tgrelid::regclass::text, tgname;
INSERT INTO trg_p VALUES (1, 'a', NULL), (2, 'b', NULL), (3, 'c', 'x'), (4, 'a', NULL);
SELECT * FROM trg_p ORDER BY id;
INSERT INTO trg_b VALUES (5, 'b', 'direct');
UPDATE trg_p SET note = 'u' WHERE id IN (1, 2);
DELETE FROM trg_p WHERE id = 3;
SELECT * FROM trg_p ORDER BY id;
-- a copy goes only with the trigger it copies
DROP TRIGGER a_row ON trg_b;
ALTER TABLE trg_p DISABLE TRIGGER b_row;
SELECT tgrelid::regclass, tgname, tgenabled FROM pg_trigger WHERE tgname = 'b_row' ORDER BY tgrelid::regclass::text;
INSERT INTO trg_p VALUES (6, 'c', NULL);
ALTER TABLE trg_p ENABLE TRIGGER b_row;
DROP TRIGGER a_row ON trg_p;
SELECT count(*) FROM pg_trigger WHERE tgname = 'a_row';
-- detaching removes the copies; attaching adds them
ALTER TABLE trg_p DETACH PARTITION trg_a;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'trg_a'::regclass;
INSERT INTO trg_a VALUES (7, 'a', NULL);
ALTER TABLE trg_p ATTACH PARTITION trg_a FOR VALUES IN ('a');
SELECT tgname, tgparentid <> 0 AS copied FROM pg_trigger WHERE tgrelid = 'trg_a'::regclass;
CREATE TABLE trg_d (id int, grp text, note text);
CREATE TRIGGER b_row AFTER INSERT ON trg_d FOR EACH ROW EXECUTE FUNCTION trg_note();
ALTER TABLE trg_p ATTACH PARTITION trg_d FOR VALUES IN ('d');
-- a BEFORE ROW trigger may not move the row to another partition
CREATE FUNCTION trg_move() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.grp := 'b'; RETURN NEW; END $$;
CREATE TRIGGER c_move BEFORE INSERT ON trg_a FOR EACH ROW EXECUTE FUNCTION trg_move();
INSERT INTO trg_p VALUES (8, 'a', NULL);
DROP TABLE trg_p, trg_d;
DROP FUNCTION trg_note(), trg_move();
