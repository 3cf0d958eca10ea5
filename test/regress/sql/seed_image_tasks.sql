-- Seed 003 (image-generation task system): schema statements exactly as in the design.
-- The tasks table quotes JSON defaults with ' inside '...', which PostgreSQL rejects.
-- 创建扩展
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";  -- 用于文本搜索

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
-- 父任务表
CREATE TABLE tasks (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),                                                             -- 使用UUID作为主键
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
    ratio JSONB NOT NULL DEFAULT '{'value': '1:1', 'is_variable': false, 'variable_id': null}'::jsonb,          -- 比例设置
    seed JSONB NOT NULL DEFAULT '{'value': null, 'is_variable': false, 'variable_id': null}'::jsonb,            -- 种子设置
    batch_size JSONB NOT NULL DEFAULT '{'value': 1, 'is_variable': false, 'variable_id': null}'::jsonb,         -- 批次设置
    polish JSONB NOT NULL DEFAULT '{'value': false, 'is_variable': false, 'variable_id': null}'::jsonb,         -- 润色设置
    variables JSONB NOT NULL DEFAULT '{}'::jsonb,                                                               -- 存储变量定义和值
    CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,                      -- 外键关联到users表
    CONSTRAINT check_progress_range CHECK (progress BETWEEN 0 AND 100)                                          -- 进度范围检查
);
-- 子任务表
CREATE TABLE subtasks (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),                                                   -- 使用UUID作为主键
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
-- 系统日志表
CREATE TABLE system_logs (
    id BIGSERIAL PRIMARY KEY,
    log_level VARCHAR(10) NOT NULL,
    component VARCHAR(50) NOT NULL,
    message TEXT NOT NULL,
    details JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
-- 任务日志表
CREATE TABLE task_logs (
    id BIGSERIAL PRIMARY KEY,
    task_id UUID,
    subtask_id UUID,
    log_level VARCHAR(10) NOT NULL,
    message TEXT NOT NULL,
    details JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT fk_task_logs_task FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE,
    CONSTRAINT fk_task_logs_subtask FOREIGN KEY (subtask_id) REFERENCES subtasks(id) ON DELETE CASCADE
);
-- the corrected tasks table, so that the rest of the schema can be created
CREATE TABLE tasks (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name VARCHAR(255) NOT NULL,
    user_id INTEGER NOT NULL,
    status task_status NOT NULL DEFAULT 'pending',
    make_api_queue VARCHAR(10) DEFAULT NULL,
    priority SMALLINT NOT NULL DEFAULT 1,
    total_images INTEGER NOT NULL DEFAULT 0,
    processed_images INTEGER NOT NULL DEFAULT 0,
    progress SMALLINT NOT NULL DEFAULT 0,
    is_deleted BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    completed_at TIMESTAMPTZ,
    prompts JSONB NOT NULL DEFAULT '[]'::jsonb,
    ratio JSONB NOT NULL DEFAULT '{"value": "1:1", "is_variable": false, "variable_id": null}'::jsonb,
    variables JSONB NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
    CONSTRAINT check_progress_range CHECK (progress BETWEEN 0 AND 100)
);
-- 子任务表
CREATE TABLE subtasks (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),                                                   -- 使用UUID作为主键
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
-- 任务日志表
CREATE TABLE task_logs (
    id BIGSERIAL PRIMARY KEY,
    task_id UUID,
    subtask_id UUID,
    log_level VARCHAR(10) NOT NULL,
    message TEXT NOT NULL,
    details JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT fk_task_logs_task FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE,
    CONSTRAINT fk_task_logs_subtask FOREIGN KEY (subtask_id) REFERENCES subtasks(id) ON DELETE CASCADE
);
CREATE INDEX idx_users_username ON users(username);
CREATE INDEX idx_users_role ON users(role);
CREATE INDEX idx_tasks_user_id ON tasks(user_id);
CREATE INDEX idx_tasks_status ON tasks(status);
CREATE INDEX idx_tasks_created_at ON tasks(created_at);
CREATE INDEX idx_tasks_is_deleted ON tasks(is_deleted);
CREATE INDEX idx_tasks_priority ON tasks(priority);
CREATE INDEX idx_subtasks_task_id ON subtasks(task_id);
CREATE INDEX idx_subtasks_status ON subtasks(status);
CREATE INDEX idx_subtasks_created_at ON subtasks(created_at);
CREATE INDEX idx_subtasks_rating ON subtasks(rating);
CREATE INDEX idx_queue_tasks_queue_id ON queue_tasks(queue_id);
CREATE INDEX idx_queue_tasks_subtask_id ON queue_tasks(subtask_id);
CREATE INDEX idx_queue_tasks_status ON queue_tasks(status);
CREATE INDEX idx_queue_tasks_priority ON queue_tasks(priority);
CREATE INDEX idx_queue_tasks_enqueued_at ON queue_tasks(enqueued_at);
CREATE INDEX idx_system_logs_log_level ON system_logs(log_level);
CREATE INDEX idx_system_logs_component ON system_logs(component);
CREATE INDEX idx_system_logs_created_at ON system_logs(created_at);
CREATE INDEX idx_task_logs_task_id ON task_logs(task_id);
CREATE INDEX idx_task_logs_subtask_id ON task_logs(subtask_id);
CREATE INDEX idx_task_logs_log_level ON task_logs(log_level);
CREATE INDEX idx_task_logs_created_at ON task_logs(created_at);
-- sample data from the design's tables
INSERT INTO users (username, hashed_password, role) VALUES
  ('admin', '$2b$12$EixZaYVK1', 'admin'), ('manager', '$2b$12$EixZaYVK1', 'manager'),
  ('user1', '$2b$12$EixZaYVK1', 'user'), ('user2', '$2b$12$EixZaYVK1', 'user'), ('guest', '$2b$12$EixZaYVK1', 'guest');
INSERT INTO tasks (id, name, user_id, status, priority, total_images, processed_images, progress, created_at) VALUES
  ('f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'fantasy', 3, 'completed', 1, 4, 4, 100, '2023-01-10 00:00:00+00'),
  ('f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', 'scifi', 4, 'processing', 2, 6, 3, 50, '2023-01-11 00:00:00+00'),
  ('f2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', 'lumina', 3, 'pending', 3, 2, 0, 0, '2023-01-12 00:00:00+00');
INSERT INTO subtasks (id, task_id, status, variable_indices, seed, rating) VALUES
  ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'completed', '1,1', 12345, 'good'),
  ('a1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', 'f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'completed', '1,2', 23456, 'poor'),
  ('a2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', 'f1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', 'processing', '1', NULL, 'unrated');
INSERT INTO task_queues (name, description, max_concurrent_tasks) VALUES ('standard_tasks', 'standard', 10), ('lumina_tasks', 'lumina', 5);
INSERT INTO queue_tasks (queue_id, subtask_id, priority, status, worker_id) VALUES
  (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, 'completed', 'worker-1'),
  (2, 'a2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', 3, 'pending', NULL);
SELECT u.username, t.name, t.status, t.progress FROM tasks t JOIN users u ON u.id = t.user_id ORDER BY t.created_at;
SELECT t.name, count(s.id) AS subtasks, count(s.id) FILTER (WHERE s.rating = 'good') AS good
  FROM tasks t LEFT JOIN subtasks s ON s.task_id = t.id GROUP BY t.name ORDER BY t.name;
SELECT status, count(*) FROM tasks WHERE NOT is_deleted GROUP BY status ORDER BY status;
SELECT q.name, qt.status, qt.worker_id FROM queue_tasks qt JOIN task_queues q ON q.id = qt.queue_id ORDER BY qt.id;
-- constraint errors the schema promises
INSERT INTO tasks (id, name, user_id, progress, created_at, updated_at) VALUES ('f9eebc99-9c0b-4ef8-bb6d-6bb9bd380a99', 'bad', 3, 101, '2023-01-01 00:00:00+00', '2023-01-01 00:00:00+00');
INSERT INTO tasks (name, user_id) VALUES ('orphan', 99);
INSERT INTO users (username, hashed_password, role) VALUES ('admin', 'x', 'user');
INSERT INTO users (username, hashed_password, role) VALUES ('x', 'x', 'superuser');
DELETE FROM users WHERE username = 'user1';
SELECT count(*) FROM tasks;
SELECT count(*) FROM subtasks;
SELECT count(*) FROM queue_tasks;

-- The design's views, verbatim. task_details reads users.display_name, which the users table does
-- not have: PostgreSQL refuses it (42703), and so does Tusk.
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
SELECT id, task_id, status, variable_indices, ratio, rating, task_name, username FROM subtask_details ORDER BY id;
SELECT * FROM queue_status ORDER BY id;
\d queue_status
