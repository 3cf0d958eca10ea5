-- Columns functionally dependent on a grouped primary key may be selected without aggregates
CREATE TABLE gu (id int PRIMARY KEY, username text, email text);
CREATE TABLE gt (id int PRIMARY KEY, user_id int REFERENCES gu, name text, note text);
CREATE TABLE gs (id int PRIMARY KEY, task_id int REFERENCES gt, status text);
CREATE TABLE gnokey (a int, b int);
INSERT INTO gu VALUES (1, 'ann', NULL), (2, 'bob', 'b@x');
INSERT INTO gt VALUES (10, 1, 'first', NULL), (11, 1, 'second', 'n'), (12, 2, 'third', 'm');
INSERT INTO gs VALUES (100, 10, 'done'), (101, 10, 'open'), (102, 11, 'done');
SELECT t.id, t.name, t.note, u.username, count(s.id) AS subtasks,
       count(DISTINCT CASE WHEN s.status = 'done' THEN s.id END) AS done
  FROM gt t JOIN gu u ON t.user_id = u.id LEFT JOIN gs s ON t.id = s.task_id
 GROUP BY t.id, u.username ORDER BY t.id;
SELECT u.*, count(*) FROM gu u JOIN gt t ON t.user_id = u.id GROUP BY u.id ORDER BY u.id;
SELECT u.email, count(*) FROM gu u JOIN gt t ON t.user_id = u.id GROUP BY u.id HAVING u.email IS NULL;
SELECT t.name FROM gt t GROUP BY t.id ORDER BY t.name DESC;
-- errors
SELECT t.name, count(*) FROM gt t GROUP BY t.user_id;
SELECT u.username FROM gu u JOIN gt t ON t.user_id = u.id GROUP BY t.id;
SELECT b FROM gnokey GROUP BY a;
SELECT t.name FROM gt t GROUP BY ROLLUP (t.id);
