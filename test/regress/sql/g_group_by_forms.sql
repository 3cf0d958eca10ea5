-- GROUP BY ordinals, expressions and output names
CREATE TABLE g (d date, cat text, amount int);
INSERT INTO g VALUES ('2024-01-05', 'a', 10), ('2024-01-20', 'b', 5), ('2024-02-01', 'a', 7), ('2024-02-03', 'a', 1);
SELECT date_trunc('month', d) AS month, sum(amount) FROM g GROUP BY 1 ORDER BY 1;
SELECT extract(month FROM d) AS m, cat, count(*) FROM g GROUP BY m, cat ORDER BY 1, 2;
SELECT upper(cat) AS c, sum(amount) FROM g GROUP BY upper(cat) ORDER BY 1;
SELECT cat || '-' || extract(month FROM d), count(*) FROM g GROUP BY cat, extract(month FROM d) ORDER BY 1;
SELECT amount > 5 AS big, count(*) FROM g GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM g GROUP BY cat HAVING max(amount) > 9;
-- errors
SELECT cat, amount FROM g GROUP BY 1;
SELECT cat FROM g GROUP BY 3;
SELECT cat FROM g GROUP BY 0;
