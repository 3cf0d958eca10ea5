-- ANY / ALL / SOME with subqueries and arrays
CREATE TABLE n (v int);
INSERT INTO n VALUES (1), (5), (10);
SELECT 5 = ANY (SELECT v FROM n), 5 > ALL (SELECT v FROM n), 11 > ALL (SELECT v FROM n), 0 < SOME (SELECT v FROM n);
SELECT 3 = ANY (ARRAY[1, 2, 3]), 3 <> ALL (ARRAY[1, 2]), 2 >= ALL ('{1,2}'::int[]), 1 = ANY ('{}'::int[]), 1 = ALL ('{}'::int[]);
SELECT NULL::int = ANY (ARRAY[1]), 1 = ANY (ARRAY[NULL::int]), 2 > ALL (ARRAY[1, NULL]);
SELECT v FROM n WHERE v > ANY (SELECT v FROM n WHERE v < 6) ORDER BY v;
SELECT 'b' LIKE ANY (ARRAY['a%', 'b%']), 'b' LIKE ALL (ARRAY['a%', 'b%']);
-- errors
SELECT 1 = ANY (1);
SELECT 1 = ANY (SELECT 1, 2);
