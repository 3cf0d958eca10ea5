-- keyset and OFFSET pagination, as the seeds page through tasks
SET enable_bitmapscan = off;
CREATE TABLE tasks (id bigserial PRIMARY KEY, user_id int NOT NULL, title text, created_at timestamptz NOT NULL);
CREATE INDEX idx_tasks_user_created ON tasks (user_id, created_at DESC);
INSERT INTO tasks (user_id, title, created_at) VALUES
  (1, 't1', '2024-01-01 10:00+00'), (1, 't2', '2024-01-02 10:00+00'), (1, 't3', '2024-01-03 10:00+00'),
  (1, 't4', '2024-01-04 10:00+00'), (2, 'u1', '2024-01-02 11:00+00'), (1, 't5', '2024-01-05 10:00+00');
SELECT id, title FROM tasks ORDER BY id LIMIT 2;
SELECT id, title FROM tasks WHERE id > 2 ORDER BY id LIMIT 2;
SELECT id, title FROM tasks WHERE id > 4 ORDER BY id LIMIT 2;
SELECT id, title FROM tasks WHERE id < 5 ORDER BY id DESC LIMIT 2;
SELECT title, created_at FROM tasks WHERE user_id = 1 ORDER BY created_at DESC LIMIT 3;
SELECT title FROM tasks WHERE user_id = 1 AND created_at < '2024-01-03 10:00+00' ORDER BY created_at DESC LIMIT 3;
SELECT title FROM tasks ORDER BY created_at, id LIMIT 2 OFFSET 2;
SELECT count(*) FROM tasks WHERE user_id = 1;
EXPLAIN (COSTS OFF) SELECT id, title FROM tasks WHERE id > 2 ORDER BY id LIMIT 2;
EXPLAIN (COSTS OFF) SELECT title FROM tasks WHERE user_id = 1 ORDER BY created_at DESC LIMIT 3;
EXPLAIN (COSTS OFF) SELECT id FROM tasks ORDER BY id DESC LIMIT 2;
-- errors
SELECT id FROM tasks ORDER BY id LIMIT 'two';
SELECT id FROM tasks OFFSET -1;
