-- EXISTS, IN and NOT IN with subqueries, including NULL behaviour
CREATE TABLE p (id int, name text);
CREATE TABLE c (pid int, note text);
INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c');
INSERT INTO c VALUES (1, 'x'), (1, 'y'), (3, NULL), (NULL, 'orphan');
SELECT name FROM p WHERE EXISTS (SELECT 1 FROM c WHERE c.pid = p.id) ORDER BY 1;
SELECT name FROM p WHERE NOT EXISTS (SELECT 1 FROM c WHERE c.pid = p.id) ORDER BY 1;
SELECT name FROM p WHERE id IN (SELECT pid FROM c) ORDER BY 1;
SELECT name FROM p WHERE id NOT IN (SELECT pid FROM c) ORDER BY 1;
SELECT name FROM p WHERE id NOT IN (SELECT pid FROM c WHERE pid IS NOT NULL) ORDER BY 1;
SELECT name, id IN (SELECT pid FROM c) FROM p ORDER BY 1;
SELECT count(*) FROM c WHERE note IN (SELECT name FROM p);
-- errors
SELECT name FROM p WHERE id IN (SELECT pid, note FROM c);
SELECT name FROM p WHERE EXISTS (SELECT nosuch FROM c);
