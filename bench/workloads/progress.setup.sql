-- Seed 003's subtask-progress triggers, verbatim, over its tasks and subtasks (bigint keys as in
-- tasks.setup.sql, the columns the triggers use): 20k tasks of 10 subtasks each. Loaded into a
-- database of its own (its tables share names with tasks.setup.sql's); the triggers are created
-- after the rows, as a migration would add them.
DROP TABLE IF EXISTS subtasks; DROP TABLE IF EXISTS tasks;
DROP TYPE IF EXISTS subtask_status; DROP TYPE IF EXISTS task_status;
CREATE TYPE task_status AS ENUM ('pending', 'processing', 'completed', 'cancelled');
CREATE TYPE subtask_status AS ENUM ('pending', 'processing', 'completed', 'failed', 'cancelled');
CREATE TABLE tasks (
  id bigint PRIMARY KEY, name varchar(255) NOT NULL, status task_status NOT NULL DEFAULT 'pending',
  total_images int NOT NULL DEFAULT 0, processed_images int NOT NULL DEFAULT 0,
  progress smallint NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz,
  CONSTRAINT check_progress_range CHECK (progress BETWEEN 0 AND 100));
INSERT INTO tasks (id, name, total_images) SELECT i, 'task ' || i, 10 FROM generate_series(1, 20000) AS i;
CREATE TABLE subtasks (
  id bigserial PRIMARY KEY, task_id bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  status subtask_status NOT NULL DEFAULT 'pending', variable_indices varchar(100) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
INSERT INTO subtasks (id, task_id, status, variable_indices)
SELECT i, 1 + i % 20000, (ARRAY['pending','processing','completed','failed']::subtask_status[])[1 + (i / 7) % 4], (i % 10)::text
FROM generate_series(1, 200000) AS i;
SELECT setval('subtasks_id_seq', (SELECT max(id) FROM subtasks));
CREATE INDEX idx_subtasks_task_id ON subtasks(task_id);

CREATE OR REPLACE FUNCTION update_task_progress()
RETURNS TRIGGER AS $$
BEGIN
    -- 更新任务的已处理图片数和进度
    UPDATE tasks
    SET
        processed_images = (
            SELECT COUNT(*)
            FROM subtasks
            WHERE task_id = NEW.task_id AND status IN ('completed', 'failed')
        ),
        progress = (
            SELECT
                CASE
                    WHEN total_images > 0 THEN
                        LEAST(100, ROUND(COUNT(*) * 100.0 / total_images))
                    ELSE 0
                END
            FROM subtasks
            WHERE task_id = NEW.task_id AND status IN ('completed', 'failed')
        ),
        updated_at = NOW()
    WHERE id = NEW.task_id;

    -- 如果所有子任务都已完成，更新任务状态为已完成
    UPDATE tasks
    SET
        status = 'completed',
        completed_at = NOW()
    WHERE
        id = NEW.task_id AND
        (SELECT COUNT(*) FROM subtasks WHERE task_id = NEW.task_id AND status NOT IN ('completed', 'failed', 'cancelled')) = 0 AND
        (SELECT COUNT(*) FROM subtasks WHERE task_id = NEW.task_id) > 0;

    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trigger_update_task_progress
AFTER UPDATE OF status ON subtasks
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION update_task_progress();

CREATE TRIGGER trigger_update_task_progress_on_insert
AFTER INSERT ON subtasks
FOR EACH ROW
EXECUTE FUNCTION update_task_progress();

CREATE OR REPLACE FUNCTION update_timestamp()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trigger_update_timestamp
BEFORE UPDATE ON tasks
FOR EACH ROW
EXECUTE FUNCTION update_timestamp();

CREATE TRIGGER trigger_update_timestamp
BEFORE UPDATE ON subtasks
FOR EACH ROW
EXECUTE FUNCTION update_timestamp();

-- the PL/pgSQL loop of 1M iterations (plpgsql_loop.sql calls it)
CREATE OR REPLACE FUNCTION bench_loop(n int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE total bigint := 0;
BEGIN
  FOR i IN 1..n LOOP
    total := total + i % 7;
  END LOOP;
  RETURN total;
END $$;
ANALYZE tasks; ANALYZE subtasks;
