-- Seed 003 (internal image-generation task system): its views (task_details, subtask_details,
-- queue_status), its functions update_task_progress() and update_timestamp(), and all of its
-- triggers, verbatim, then rows that make the triggers fire and the views answer.
-- Schema notes:
--  * CREATE EXTENSION "uuid-ossp" / "pg_trgm" are left out (extensions are not available); the
--    tasks and subtasks tables below are the design's, with DEFAULT uuid_generate_v4() replaced
--    by DEFAULT gen_random_uuid().
--  * the design's tasks table quotes its JSONB defaults with ' inside '...' (a syntax error in
--    PostgreSQL); here those four defaults are written as valid JSON with double quotes.
--  * task_details reads users.display_name, which the users table lacks: PostgreSQL rejects the
--    view (42703), and it is kept so.

-- 创建枚举类型
CREATE TYPE user_role AS ENUM ('admin', 'manager', 'user', 'guest');
CREATE TYPE task_status AS ENUM ('pending', 'processing', 'completed', 'failed', 'cancelled');
CREATE TYPE subtask_status AS ENUM ('pending', 'processing', 'completed', 'failed', 'cancelled');
CREATE TYPE quality_rating AS ENUM ('unrated', 'poor', 'good');

-- 简化用户表 - 内部系统使用
CREATE TABLE users (
    id SERIAL PRIMARY KEY,                            -- 使用自增数字作为主键
    username VARCHAR(50) NOT NULL UNIQUE,             -- 简化为用户名，不需要邮箱
    hashed_password VARCHAR(255) NOT NULL,            -- 存储哈希后的密码
    role user_role NOT NULL DEFAULT 'user',            -- 单一角色
    is_active BOOLEAN NOT NULL DEFAULT TRUE,           -- 是否激活
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),     -- 创建时间
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()      -- 更新时间
);

-- 父任务表 (uuid_generate_v4() -> gen_random_uuid(); JSONB defaults re-quoted)
CREATE TABLE tasks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),                                                              -- 使用UUID作为主键
    name VARCHAR(255) NOT NULL,                                                                                 -- 任务名称
    user_id INTEGER NOT NULL,                                                                                   -- 对应users表的id
    status task_status NOT NULL DEFAULT 'pending',                                                              -- ['pending', 'processing', 'completed', 'cancelled']
    make_api_queue VARCHAR(10) DEFAULT NULL,                                                                    -- [null, 'ops', 'dev']
    priority SMALLINT NOT NULL DEFAULT 1,                                                                       -- 任务优先级
    total_images INTEGER NOT NULL DEFAULT 0,                                                                    -- 总图片数
    processed_images INTEGER NOT NULL DEFAULT 0,                                                                -- 已处理图片数
    progress SMALLINT NOT NULL DEFAULT 0,                                                                       -- 进度
    is_deleted BOOLEAN NOT NULL DEFAULT FALSE,                                                                  -- 是否已删除
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),                                                              -- 创建时间
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    completed_at TIMESTAMPTZ,                                                                                   -- 完成时间
    -- 存储任务配置和变量信息
    prompts JSONB NOT NULL DEFAULT '[]'::jsonb,                                                                 -- 存储所有标签（提示词、角色、元素）
    ratio JSONB NOT NULL DEFAULT '{"value": "1:1", "is_variable": false, "variable_id": null}'::jsonb,          -- 比例设置
    seed JSONB NOT NULL DEFAULT '{"value": null, "is_variable": false, "variable_id": null}'::jsonb,            -- 种子设置
    batch_size JSONB NOT NULL DEFAULT '{"value": 1, "is_variable": false, "variable_id": null}'::jsonb,         -- 批次设置
    polish JSONB NOT NULL DEFAULT '{"value": false, "is_variable": false, "variable_id": null}'::jsonb,         -- 润色设置
    variables JSONB NOT NULL DEFAULT '{}'::jsonb,                                                               -- 存储变量定义和值
    CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,                      -- 外键关联到users表
    CONSTRAINT check_progress_range CHECK (progress BETWEEN 0 AND 100)                                          -- 进度范围检查
);

-- 子任务表 (uuid_generate_v4() -> gen_random_uuid())
CREATE TABLE subtasks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),                                                    -- 使用UUID作为主键
    task_id UUID NOT NULL,                                                                            -- 关联原始任务ID
    status subtask_status NOT NULL DEFAULT 'pending',                                                 -- 任务状态
    variable_indices VARCHAR(100) NOT NULL,                                                           -- 存储子任务在父任务变量空间中的位置, 使用1,2,3,4形式的字符串
    prompts JSONB NOT NULL DEFAULT '[]'::jsonb,                                                       -- 存储所有提示词、角色和元素
    ratio VARCHAR(10) NOT NULL DEFAULT '1:1',                                                         -- 比例
    seed INTEGER,                                                                                     -- 种子
    use_polish BOOLEAN NOT NULL DEFAULT FALSE,                                                        -- 是否使用润色
    batch_size INTEGER NOT NULL DEFAULT 1,                                                            -- 批次
    retry_count SMALLINT NOT NULL DEFAULT 0,                                                          -- 重试次数
    error TEXT,                                                                                       -- 错误信息
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    started_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    result JSONB,                                                                                     -- 存储生成结果（图片URL、宽度、高度等）
    rating quality_rating NOT NULL DEFAULT 'unrated',                                                 -- 质量评价：未评价、质量低、质量高
    evaluation TEXT,                                                                                  -- 文本评价
    CONSTRAINT fk_subtasks_task FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

-- 任务队列表
CREATE TABLE task_queues (
    id SERIAL PRIMARY KEY,
    name VARCHAR(50) NOT NULL UNIQUE,
    description TEXT,
    max_concurrent_tasks INTEGER NOT NULL DEFAULT 10,
    current_concurrent_tasks INTEGER NOT NULL DEFAULT 0,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- 队列任务表
CREATE TABLE queue_tasks (
    id BIGSERIAL PRIMARY KEY,
    queue_id INTEGER NOT NULL,
    subtask_id UUID NOT NULL,
    priority SMALLINT NOT NULL DEFAULT 1,
    status VARCHAR(20) NOT NULL DEFAULT 'pending',
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    started_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    worker_id VARCHAR(100),
    CONSTRAINT fk_queue_tasks_queue FOREIGN KEY (queue_id) REFERENCES task_queues(id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_tasks_subtask FOREIGN KEY (subtask_id) REFERENCES subtasks(id) ON DELETE CASCADE
);

-- ===== 视图 (verbatim)
-- 任务详情视图
CREATE VIEW task_details AS
SELECT
    t.id,
    t.name,
    t.status,
    t.priority,
    t.total_images,
    t.processed_images,
    t.progress,
    t.created_at,
    t.updated_at,
    t.completed_at,
    u.username,
    u.display_name,
    COUNT(DISTINCT s.id) AS subtask_count,
    COUNT(DISTINCT CASE WHEN s.status = 'completed' THEN s.id END) AS completed_subtasks,
    COUNT(DISTINCT CASE WHEN s.status = 'failed' THEN s.id END) AS failed_subtasks,
    COUNT(DISTINCT CASE WHEN s.rating = 'good' THEN s.id END) AS good_quality_images,
    COUNT(DISTINCT CASE WHEN s.rating = 'poor' THEN s.id END) AS poor_quality_images
FROM
    tasks t
JOIN
    users u ON t.user_id = u.id
LEFT JOIN
    subtasks s ON t.id = s.task_id
WHERE
    t.is_deleted = FALSE
GROUP BY
    t.id, u.username, u.display_name;

-- 子任务详情视图
CREATE VIEW subtask_details AS
SELECT
    s.id,
    s.task_id,
    s.status,
    s.variable_indices,
    s.ratio,
    s.seed,
    s.use_polish,
    s.retry_count,
    s.created_at,
    s.updated_at,
    s.started_at,
    s.completed_at,
    s.result,
    s.rating,
    s.evaluation,
    t.name AS task_name,
    u.username
FROM
    subtasks s
JOIN
    tasks t ON s.task_id = t.id
JOIN
    users u ON t.user_id = u.id;

-- 队列状态视图
CREATE VIEW queue_status AS
SELECT
    q.id,
    q.name,
    q.description,
    q.max_concurrent_tasks,
    q.current_concurrent_tasks,
    q.is_active,
    COUNT(qt.id) AS total_tasks,
    COUNT(CASE WHEN qt.status = 'pending' THEN 1 END) AS pending_tasks,
    COUNT(CASE WHEN qt.status = 'processing' THEN 1 END) AS processing_tasks,
    COUNT(CASE WHEN qt.status = 'completed' THEN 1 END) AS completed_tasks,
    COUNT(CASE WHEN qt.status = 'failed' THEN 1 END) AS failed_tasks,
    AVG(CASE WHEN qt.status = 'completed' THEN
        EXTRACT(EPOCH FROM (qt.completed_at - qt.started_at))
    END) AS avg_processing_time_seconds
FROM
    task_queues q
LEFT JOIN
    queue_tasks qt ON q.id = qt.queue_id
GROUP BY
    q.id, q.name, q.description, q.max_concurrent_tasks, q.current_concurrent_tasks, q.is_active;

-- ===== 函数和触发器 (verbatim)
-- 更新任务进度的函数
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

-- 创建子任务状态变更触发器
CREATE TRIGGER trigger_update_task_progress
AFTER UPDATE OF status ON subtasks
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION update_task_progress();

-- 创建子任务插入触发器
CREATE TRIGGER trigger_update_task_progress_on_insert
AFTER INSERT ON subtasks
FOR EACH ROW
EXECUTE FUNCTION update_task_progress();

-- 更新时间戳的函数
CREATE OR REPLACE FUNCTION update_timestamp()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- 为所有需要更新时间戳的表创建触发器
CREATE TRIGGER trigger_update_timestamp
BEFORE UPDATE ON users
FOR EACH ROW
EXECUTE FUNCTION update_timestamp();

CREATE TRIGGER trigger_update_timestamp
BEFORE UPDATE ON tasks
FOR EACH ROW
EXECUTE FUNCTION update_timestamp();

CREATE TRIGGER trigger_update_timestamp
BEFORE UPDATE ON subtasks
FOR EACH ROW
EXECUTE FUNCTION update_timestamp();

CREATE TRIGGER trigger_update_timestamp
BEFORE UPDATE ON task_queues
FOR EACH ROW
EXECUTE FUNCTION update_timestamp();

SELECT tgrelid::regclass AS tbl, tgname, tgfoid::regproc AS func, tgtype
  FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgrelid::regclass::text, tgname;

-- ===== exercise
INSERT INTO users (username, hashed_password, role, created_at, updated_at) VALUES
  ('admin', '$2b$12$EixZaYVK1', 'admin', '2023-01-01', '2023-01-01'),
  ('user1', '$2b$12$EixZaYVK1', 'user', '2023-01-01', '2023-01-01');
INSERT INTO tasks (id, name, user_id, total_images, created_at, updated_at) VALUES
  ('f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '幻想风景生成任务', 2, 4, '2023-01-10', '2023-01-10'),
  ('f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', '科幻人物生成任务', 2, 1, '2023-01-11', '2023-01-11'),
  ('f2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', 'Lumina风格生成任务', 1, 0, '2023-01-12', '2023-01-12');
SELECT name, ratio, seed, batch_size, polish FROM tasks ORDER BY created_at;

-- inserting subtasks fires the progress trigger once per row
INSERT INTO subtasks (id, task_id, status, variable_indices, seed, created_at, updated_at) VALUES
  ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a01', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'completed', '0,0', 12345, '2023-01-10', '2023-01-10'),
  ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a02', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'pending', '0,1', NULL, '2023-01-10', '2023-01-10'),
  ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'pending', '1,0', NULL, '2023-01-10', '2023-01-10'),
  ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'processing', '1,1', NULL, '2023-01-10', '2023-01-10'),
  ('a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a01', 'f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', 'completed', '0', 1, '2023-01-11', '2023-01-11'),
  ('a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a02', 'f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', 'failed', '1', 2, '2023-01-11', '2023-01-11');
SELECT name, status, processed_images, progress, completed_at IS NOT NULL AS done,
       updated_at > created_at AS touched
  FROM tasks ORDER BY created_at;

-- status changes fire it again; the task completes when no subtask is left open
UPDATE subtasks SET status = 'completed', rating = 'good' WHERE id = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a02';
UPDATE subtasks SET status = 'failed', error = 'timeout' WHERE id = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03';
SELECT name, status, processed_images, progress, completed_at IS NOT NULL AS done
  FROM tasks ORDER BY created_at;
UPDATE subtasks SET status = 'cancelled' WHERE id = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04';
SELECT name, status, processed_images, progress, completed_at IS NOT NULL AS done
  FROM tasks ORDER BY created_at;

-- the WHEN clause and the column list: no status change, no recount
UPDATE tasks SET processed_images = 0, progress = 0 WHERE name = '科幻人物生成任务';
UPDATE subtasks SET status = 'failed' WHERE id = 'a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a02';
UPDATE subtasks SET rating = 'poor' WHERE id = 'a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a01';
SELECT name, processed_images, progress FROM tasks ORDER BY created_at;
-- a real status change recounts
UPDATE subtasks SET status = 'completed' WHERE id = 'a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a02';
SELECT name, processed_images, progress FROM tasks ORDER BY created_at;

-- update_timestamp() on every table it is attached to
BEGIN;
UPDATE users SET is_active = false WHERE username = 'user1';
SELECT username, is_active, updated_at = now() AS stamped, updated_at > created_at AS after_created
  FROM users ORDER BY id;
COMMIT;
SELECT id, status, updated_at > created_at AS touched FROM subtasks ORDER BY id;

-- the views: task_details was never created
INSERT INTO task_queues (name, description, max_concurrent_tasks, created_at, updated_at) VALUES
  ('standard_tasks', '标准任务队列', 10, '2023-01-01', '2023-01-01'),
  ('lumina_tasks', 'Lumina风格任务队列', 5, '2023-01-01', '2023-01-01'),
  ('high_priority_tasks', '高优先级任务队列', 3, '2023-01-01', '2023-01-01');
UPDATE task_queues SET current_concurrent_tasks = 1 WHERE name = 'standard_tasks';
SELECT name, current_concurrent_tasks, updated_at > created_at AS touched FROM task_queues ORDER BY id;
INSERT INTO queue_tasks (queue_id, subtask_id, priority, status, enqueued_at, started_at, completed_at, worker_id) VALUES
  (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a01', 1, 'completed', '2023-01-10 00:00:10+00', '2023-01-10 00:00:15+00', '2023-01-10 00:10:00+00', 'worker-1'),
  (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a02', 1, 'completed', '2023-01-10 00:00:20+00', '2023-01-10 00:00:25+00', '2023-01-10 00:15:00+00', 'worker-2'),
  (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03', 2, 'failed', '2023-01-11 00:00:10+00', '2023-01-11 00:00:15+00', NULL, 'worker-1'),
  (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04', 2, 'processing', '2023-01-11 00:00:20+00', '2023-01-11 00:00:25+00', NULL, 'worker-2'),
  (2, 'a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a01', 3, 'pending', '2023-01-12 00:00:10+00', NULL, NULL, NULL);
SELECT * FROM task_details ORDER BY id;
SELECT id, task_id, status, variable_indices, ratio, seed, rating, evaluation, task_name, username
  FROM subtask_details ORDER BY id;
SELECT * FROM queue_status ORDER BY id;
SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;
