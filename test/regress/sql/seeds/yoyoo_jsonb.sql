-- Seed 000 (Yoyoo), §4 and its JSONB index: the message and task-extension tables, the JSONB
-- operator queries verbatim (the path query's mis-quoted literal fails as on PostgreSQL), the
-- GIN jsonb_path_ops index, and its partial variant whose predicate calls a STABLE function.
CREATE TABLE messages (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  type VARCHAR(50) NOT NULL,
  payload JSONB NOT NULL DEFAULT '{}',
  metadata JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE task_extensions (
  task_id UUID PRIMARY KEY,
  config JSONB DEFAULT '{}',      -- 任务配置
  constraints JSONB DEFAULT '[]', -- 约束条件
  history JSONB DEFAULT '[]'     -- 状态变更历史
);

CREATE INDEX idx_messages_payload ON messages USING GIN (payload jsonb_path_ops);

INSERT INTO messages (id, tenant_id, type, payload) VALUES
  ('00000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'task_proposal',
   '{"type": "task_proposal", "title": "Ship it", "priority": "high", "user": {"name": "Alice", "id": 1}}'),
  ('00000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000001', 'heartbeat',
   '{"type": "heartbeat", "user": {"name": "Bob"}}'),
  ('00000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000002', 'task_proposal',
   '{"type": "task_proposal", "title": "Plan", "user": {"name": "Alice"}, "priority": null}');
INSERT INTO task_extensions (task_id) VALUES ('20000000-0000-0000-0000-000000000001');
SELECT config, constraints, history FROM task_extensions;

-- 提取字段
SELECT payload->>'title' FROM messages ORDER BY id;
SELECT payload->'user'->>'name' FROM messages ORDER BY id;

-- 包含检查
SELECT id, type FROM messages
WHERE payload @> '{"type": "task_proposal"}' ORDER BY id;

-- 存在检查
SELECT id FROM messages
WHERE payload ? 'priority' ORDER BY id;

-- 路径查询, as it means to say (the seed's own text, last in this file, does not parse)
SELECT id FROM messages WHERE payload#>>'{user,name}' = 'Alice' ORDER BY id;

-- 创建索引 (a predicate must call only IMMUTABLE functions)
CREATE INDEX idx_messages_type ON messages USING GIN (payload jsonb_path_ops)
  WHERE tenant_id = current_setting('app.current_tenant_id', true)::UUID;

UPDATE task_extensions SET history = history || jsonb_build_object('status', 'running', 'at', '2026-01-01')
WHERE task_id = '20000000-0000-0000-0000-000000000001' RETURNING history;
DROP TABLE messages, task_extensions;
-- 路径查询 verbatim: its literal '{user,name} = ' closes early and the quote after Alice opens
-- one that never closes (42601 at "Alice"); it is last so that it swallows nothing else.
SELECT * FROM messages
WHERE payload#>>'{user,name} = 'Alice';
