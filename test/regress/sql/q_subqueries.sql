-- subqueries: scalar, IN, EXISTS, ANY/ALL, correlated, in SELECT/FROM/WHERE/HAVING
CREATE TABLE dept (id int PRIMARY KEY, name text);
CREATE TABLE emp (id int PRIMARY KEY, dept_id int, salary int);
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');
INSERT INTO emp VALUES (1, 1, 100), (2, 1, 150), (3, 2, 90), (4, NULL, 70);
SELECT name, (SELECT count(*) FROM emp WHERE emp.dept_id = dept.id) AS n FROM dept ORDER BY id;
SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id) ORDER BY name;
SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id) ORDER BY name;
SELECT id FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE name <> 'ops') ORDER BY id;
SELECT id FROM emp WHERE dept_id NOT IN (SELECT id FROM dept WHERE name = 'ops') ORDER BY id;
SELECT id FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept_id = 2) ORDER BY id;
SELECT id FROM emp WHERE salary = ANY (SELECT salary FROM emp WHERE dept_id = 1) ORDER BY id;
SELECT id FROM emp e WHERE salary > (SELECT avg(salary) FROM emp e2 WHERE e2.dept_id = e.dept_id) ORDER BY id;
SELECT dept_id, max(salary) FROM emp GROUP BY dept_id HAVING max(salary) > (SELECT min(salary) FROM emp) ORDER BY 1;
SELECT * FROM (SELECT dept_id, sum(salary) AS total FROM emp GROUP BY dept_id) t WHERE total > 100 ORDER BY 1;
SELECT (SELECT name FROM dept WHERE id = 99) IS NULL;
SELECT 1 IN (SELECT NULL::int), 1 NOT IN (SELECT NULL::int), 1 = ANY (SELECT 1 UNION SELECT NULL);
SELECT id, (SELECT max(salary) FROM emp e2 WHERE e2.salary < e.salary) AS next_lower FROM emp e ORDER BY id;
-- errors
SELECT (SELECT id FROM emp);
SELECT * FROM emp WHERE id = (SELECT id, dept_id FROM emp LIMIT 1);
SELECT * FROM emp WHERE id IN (SELECT id, dept_id FROM emp);
SELECT (SELECT nosuch FROM dept);
