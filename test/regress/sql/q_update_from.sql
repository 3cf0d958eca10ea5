-- UPDATE ... FROM and DELETE ... USING
CREATE TABLE docs (id int PRIMARY KEY, owner text, version int, title text);
CREATE TABLE owners (name text PRIMARY KEY, active boolean, rank int);
INSERT INTO docs VALUES (1, 'ann', 1, 'a'), (2, 'bob', 1, 'b'), (3, 'cyd', 2, 'c'), (4, 'ann', 5, 'd');
INSERT INTO owners VALUES ('ann', true, 10), ('bob', false, 20), ('cyd', true, 30);
UPDATE docs SET version = docs.version + o.rank FROM owners o WHERE o.name = docs.owner AND o.active RETURNING docs.id, docs.version, o.rank;
UPDATE docs d SET title = d.title || '!' FROM owners WHERE owners.name = d.owner AND owners.rank > 15;
SELECT * FROM docs ORDER BY id;
UPDATE docs SET title = v.t FROM (VALUES (1, 'one'), (4, 'four')) AS v(id, t) WHERE v.id = docs.id;
SELECT * FROM docs ORDER BY id;
DELETE FROM docs USING owners WHERE owners.name = docs.owner AND NOT owners.active RETURNING docs.id, owners.name;
SELECT * FROM docs ORDER BY id;
UPDATE docs SET version = 0 FROM owners;
SELECT * FROM docs ORDER BY id;
-- errors
UPDATE docs SET nosuch = 1 FROM owners;
UPDATE docs SET title = owners.nosuch FROM owners;
DELETE FROM docs USING nosuch;
UPDATE docs SET title = name FROM owners WHERE docs.owner = owners.name AND docs.title = title;
