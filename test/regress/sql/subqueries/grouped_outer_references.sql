-- A correlated subquery in a grouped query's select list, HAVING or ORDER BY runs once per
-- group and reads the group's values of the columns it names; a column that is not grouped is
-- an error (42803), as in PostgreSQL.
CREATE TABLE g (p int, t int, u text);
INSERT INTO g VALUES (10, 1, 'a'), (10, 2, 'b'), (20, 2, 'c'), (30, NULL, 'd');

SELECT (SELECT g.t) FROM g GROUP BY g.t ORDER BY 1;
SELECT t, (SELECT t + 1), (SELECT count(*) FROM g g2 WHERE g2.t = g.t) FROM g GROUP BY t ORDER BY 1;
SELECT p, t, (SELECT string_agg(u, ',' ORDER BY u) FROM g g2 WHERE g2.p = g.p AND g2.t <= g.t)
  FROM g GROUP BY p, t ORDER BY 1, 2;
-- the grouped column is not the table's first: the group's row holds it first
SELECT u, (SELECT upper(g.u)), count(*) FROM g GROUP BY u ORDER BY 1;
SELECT t, p, (SELECT p * 100 + coalesce(t, 0)) FROM g GROUP BY t, p ORDER BY 1, 2;
-- HAVING and ORDER BY
SELECT p, count(*) FROM g GROUP BY p HAVING (SELECT p) > 10 ORDER BY 1;
SELECT p FROM g GROUP BY p ORDER BY (SELECT -p);
-- nested subqueries, EXISTS, IN, ARRAY
SELECT (SELECT (SELECT g.t + 100)) FROM g GROUP BY t ORDER BY 1;
SELECT p, EXISTS (SELECT 1 FROM g g2 WHERE g2.t > g.p / 10) FROM g GROUP BY p ORDER BY 1;
SELECT p, p IN (SELECT t * 10 FROM g g2) FROM g GROUP BY p ORDER BY 1;
SELECT p, ARRAY(SELECT u FROM g g2 WHERE g2.p = g.p ORDER BY u) FROM g GROUP BY p ORDER BY 1;
-- a subquery inside an aggregate reads the table's rows, not the groups'
SELECT p, sum((SELECT g.t)) FROM g GROUP BY p ORDER BY 1;
-- a join in the FROM list: columns of either side
SELECT a.p, (SELECT b.u || a.p::text) FROM g a JOIN g b ON a.t = b.t GROUP BY a.p, b.u ORDER BY 1, 2;
-- a column its table's grouped primary key determines (PostgreSQL's functional dependency)
CREATE TABLE people (id int PRIMARY KEY, name text, team int);
INSERT INTO people VALUES (1, 'ann', 7), (2, 'bob', 7), (3, 'cy', 8);
SELECT id, (SELECT upper(name)), (SELECT count(*) FROM people p2 WHERE p2.team = people.team)
  FROM people GROUP BY id ORDER BY 1;
SELECT team, (SELECT name) FROM people GROUP BY team;
DROP TABLE people;
-- errors: an ungrouped column, a whole row, an expression grouped but not its column
SELECT p, (SELECT g.t) FROM g GROUP BY p;
SELECT p, (SELECT g) FROM g GROUP BY p;
SELECT t + 1, (SELECT g.t) FROM g GROUP BY t + 1;
SELECT p FROM g GROUP BY p HAVING (SELECT u) = 'a';
DROP TABLE g;
