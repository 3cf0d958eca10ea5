-- window functions
CREATE TABLE emp (id int PRIMARY KEY, dept text, salary int, hired date);
INSERT INTO emp VALUES (1, 'eng', 100, '2020-01-01'), (2, 'eng', 120, '2021-03-01'), (3, 'eng', 100, '2019-06-01'),
  (4, 'ops', 80, '2022-01-01'), (5, 'ops', 90, '2020-05-05'), (6, 'hr', NULL, '2023-02-02');
SELECT id, dept, salary, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) FROM emp ORDER BY id;
SELECT id, rank() OVER (ORDER BY salary), dense_rank() OVER (ORDER BY salary), percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (PARTITION BY dept), avg(salary) OVER (PARTITION BY dept), count(*) OVER () FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id), sum(salary) OVER (ORDER BY salary) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), max(salary) OVER (ORDER BY id ROWS 2 PRECEDING) FROM emp ORDER BY id;
SELECT id, lag(salary) OVER (ORDER BY id), lead(salary, 2, -1) OVER (ORDER BY id), first_value(id) OVER w, last_value(id) OVER w, nth_value(id, 2) OVER w
  FROM emp WINDOW w AS (PARTITION BY dept ORDER BY id) ORDER BY id;
SELECT id, ntile(4) OVER (ORDER BY id), ntile(2) OVER (PARTITION BY dept ORDER BY id) FROM emp ORDER BY id;
SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC NULLS LAST) FROM emp GROUP BY dept ORDER BY 3;
SELECT id, sum(salary) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM emp ORDER BY id;
SELECT id, sum(id) OVER (ORDER BY salary ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM emp ORDER BY id;
SELECT id, count(*) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES) FROM emp ORDER BY id;
SELECT id, salary FROM emp ORDER BY row_number() OVER (ORDER BY salary DESC NULLS LAST) LIMIT 3;
SELECT dept, id, salary - avg(salary) OVER (PARTITION BY dept) AS diff FROM emp WHERE salary IS NOT NULL ORDER BY dept, id;
SELECT id, lag(hired) OVER (ORDER BY hired), hired - lag(hired) OVER (ORDER BY hired) AS gap FROM emp ORDER BY hired;
SELECT * FROM (SELECT id, dept, row_number() OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST) AS rn FROM emp) t WHERE rn = 1 ORDER BY dept;
-- errors
SELECT id FROM emp WHERE row_number() OVER () > 1;
SELECT id, sum(salary) OVER w2 FROM emp WINDOW w AS (ORDER BY id);
SELECT id, ntile(0) OVER (ORDER BY id) FROM emp;
SELECT count(DISTINCT dept) OVER () FROM emp;
SELECT id, lag(salary, 1, 'x') OVER (ORDER BY id) FROM emp;
