-- VALUES lists as tables
VALUES (1, 'one'), (2, 'two');
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v(n, word) ORDER BY n DESC;
SELECT column1 + 1, column2 FROM (VALUES (1, 1.5), (2, NULL)) AS v;
VALUES (1), (2.5), (NULL) ORDER BY 1 DESC LIMIT 2;
SELECT v.n, t.x FROM (VALUES (1), (2)) v(n) JOIN (VALUES (2, 'b'), (3, 'c')) t(n, x) ON t.n = v.n;
SELECT * FROM (VALUES ('2024-01-01'::date), ('2023-12-31')) d(day) ORDER BY day;
-- errors
VALUES (1, 2), (3);
VALUES (1), ('a');
SELECT * FROM (VALUES (1)) v(a, b);
