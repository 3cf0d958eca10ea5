-- Transition tables of statement triggers on a partitioned table: the rows a statement on it
-- wrote in any partition (a moved row is an update); ROW triggers with them are refused on
-- partitioned tables and partitions, and block ATTACH, as in PostgreSQL.
CREATE TABLE tp (id int, r text) PARTITION BY LIST (r);
CREATE TABLE tp_a PARTITION OF tp FOR VALUES IN ('a');
CREATE TABLE tp_b PARTITION OF tp FOR VALUES IN ('b');
CREATE FUNCTION show_nt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% %: %', TG_OP, TG_TABLE_NAME, (SELECT string_agg(id::text || r, ',' ORDER BY id) FROM nt); RETURN NULL; END $$;
CREATE FUNCTION show_ot() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% %: %', TG_OP, TG_TABLE_NAME, (SELECT string_agg(id::text || r, ',' ORDER BY id) FROM ot); RETURN NULL; END $$;
CREATE FUNCTION show_both() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% %: old % new %', TG_OP, TG_TABLE_NAME, (SELECT string_agg(id::text || r, ',' ORDER BY id) FROM ot), (SELECT string_agg(id::text || r, ',' ORDER BY id) FROM nt); RETURN NULL; END $$;
CREATE TRIGGER tr_row AFTER INSERT ON tp REFERENCING NEW TABLE AS nt FOR EACH ROW EXECUTE FUNCTION show_nt();
CREATE TRIGGER tr_row AFTER INSERT ON tp_a REFERENCING NEW TABLE AS nt FOR EACH ROW EXECUTE FUNCTION show_nt();
CREATE TRIGGER tr_part AFTER INSERT ON tp_a REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION show_nt();
CREATE TRIGGER tr_ins AFTER INSERT ON tp REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION show_nt();
CREATE TRIGGER tr_upd AFTER UPDATE ON tp REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION show_both();
CREATE TRIGGER tr_del AFTER DELETE ON tp REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION show_ot();
-- a statement on a partition fires that partition's statement triggers, not the parent's
INSERT INTO tp VALUES (1, 'a'), (2, 'b'), (3, 'a');
INSERT INTO tp_a VALUES (4, 'a');
UPDATE tp SET r = 'b' WHERE id = 1;
UPDATE tp SET id = id * 10 WHERE r = 'a';
UPDATE tp_b SET id = id + 10;
DELETE FROM tp WHERE id > 10;
COPY tp FROM STDIN;
5	a
6	b
\.
INSERT INTO tp SELECT g, 'b' FROM generate_series(7, 8) g;
ALTER TABLE tp DETACH PARTITION tp_a;
CREATE TABLE tp_c (id int, r text);
CREATE TRIGGER trc AFTER INSERT ON tp_c REFERENCING NEW TABLE AS nt FOR EACH ROW EXECUTE FUNCTION show_nt();
ALTER TABLE tp ATTACH PARTITION tp_c FOR VALUES IN ('c');
DROP TABLE tp, tp_a, tp_c;
DROP FUNCTION show_nt(), show_ot(), show_both();
