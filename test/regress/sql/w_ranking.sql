-- ranking window functions
CREATE TABLE s (name text, team text, score int);
INSERT INTO s VALUES ('a', 'x', 10), ('b', 'x', 20), ('c', 'x', 20), ('d', 'y', 5), ('e', 'y', NULL), ('f', 'y', 5);
SELECT name, row_number() OVER (ORDER BY score DESC NULLS LAST, name), rank() OVER (ORDER BY score DESC NULLS LAST), dense_rank() OVER (ORDER BY score DESC NULLS LAST) FROM s ORDER BY name;
SELECT name, team, rank() OVER (PARTITION BY team ORDER BY score), percent_rank() OVER (PARTITION BY team ORDER BY score), cume_dist() OVER (PARTITION BY team ORDER BY score) FROM s ORDER BY name;
SELECT name, ntile(3) OVER (ORDER BY name) FROM s ORDER BY name;
SELECT * FROM (SELECT name, team, rank() OVER (PARTITION BY team ORDER BY score DESC NULLS LAST) AS r FROM s) t WHERE r = 1 ORDER BY name;
-- errors
SELECT rank() FROM s;
SELECT name FROM s WHERE rank() OVER () = 1;
