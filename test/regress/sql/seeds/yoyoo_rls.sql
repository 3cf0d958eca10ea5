-- Seed 000 (Yoyoo multi-tenant platform): its section 10 schema and section 2.2 row-level security verbatim, used by a non-owner application role per tenant
-- The seed has no tenants table: a tenant is a UUID (tenant_id) that the application puts in the
-- app.current_tenant_id setting, which the section 2.2 policy reads.

-- ===== §10 Yoyoo 数据库模型完整定义 (verbatim)
-- 公共枚举
CREATE TYPE user_plan AS ENUM ('free', 'pro', 'enterprise');
CREATE TYPE task_status AS ENUM (
  'draft', 'pending', 'assessing', 'negotiating',
  'accepted', 'in_progress', 'completed', 'failed',
  'reported', 'cancelled'
);
CREATE TYPE message_type AS ENUM (
  'task_proposal', 'task_response', 'task_update',
  'task_cancel', 'negotiation', 'result_report',
  'sync_request', 'heartbeat'
);

-- 用户表
CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  email VARCHAR(255) UNIQUE NOT NULL,
  name VARCHAR(100) NOT NULL,
  plan user_plan DEFAULT 'free',
  settings JSONB DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

-- Yoyoo 实例表
CREATE TABLE yoo_instances (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  user_id UUID NOT NULL REFERENCES users(id),
  name VARCHAR(100) NOT NULL,
  model VARCHAR(50) NOT NULL,
  status VARCHAR(20) DEFAULT 'active',
  config JSONB DEFAULT '{}',
  last_heartbeat TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- 任务表
CREATE TABLE tasks (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  user_id UUID NOT NULL REFERENCES users(id),
  yoo_instance_id UUID REFERENCES yoo_instances(id),
  title VARCHAR(255) NOT NULL,
  description TEXT,
  status task_status DEFAULT 'draft',
  priority VARCHAR(20) DEFAULT 'normal',
  payload JSONB DEFAULT '{}',
  due_at TIMESTAMPTZ,
  completed_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

-- 消息表
CREATE TABLE messages (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  from_instance_id UUID REFERENCES yoo_instances(id),
  to_instance_id UUID REFERENCES yoo_instances(id),
  type message_type NOT NULL,
  payload JSONB NOT NULL DEFAULT '{}',
  context JSONB DEFAULT '{}',
  read_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- 记忆表 (向量) -- vector(1536) needs pgvector: fails with 42704 on PostgreSQL without it
CREATE TABLE memories (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  user_id UUID NOT NULL REFERENCES users(id),
  type VARCHAR(50) NOT NULL,
  content TEXT NOT NULL,
  embedding vector(1536),  -- OpenAI Ada-002 维度
  metadata JSONB DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- ===== §2.2 Yoyoo 多租户表设计 (verbatim)
-- 开启 RLS
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE yoo_instances ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;

-- 创建租户上下文函数
CREATE OR REPLACE FUNCTION current_tenant_id()
RETURNS UUID AS $$
BEGIN
  RETURN NULL; -- 在应用层设置
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- RLS 策略
CREATE POLICY "tenant_isolation" ON users
  FOR ALL
  USING (tenant_id = current_setting('app.current_tenant_id', true)::UUID)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::UUID);

-- 索引优化
CREATE INDEX idx_users_tenant ON users(tenant_id);
CREATE INDEX idx_tasks_tenant ON tasks(tenant_id, status);
CREATE INDEX idx_messages_tenant ON messages(tenant_id, created_at);

-- ===== §4.3 创建索引 (verbatim): an index predicate may call only IMMUTABLE functions (42P17)
CREATE INDEX idx_messages_type ON messages USING GIN (payload jsonb_path_ops)
  WHERE tenant_id = current_setting('app.current_tenant_id', true)::UUID;

-- what the catalogs say about the design
SELECT relname, relrowsecurity, relforcerowsecurity, relowner::regrole
  FROM pg_class WHERE relname IN ('users', 'yoo_instances', 'tasks', 'messages') ORDER BY relname;
SELECT tablename, policyname, permissive, roles, cmd, qual, with_check FROM pg_policies ORDER BY tablename, policyname;
SELECT proname, prosecdef, provolatile, proowner::regrole FROM pg_proc WHERE proname = 'current_tenant_id';
SELECT tablename, indexname FROM pg_indexes
  WHERE tablename IN ('users', 'yoo_instances', 'tasks', 'messages') ORDER BY tablename, indexname;

-- data for three tenants, loaded by the owner (a superuser: RLS does not apply to it)
INSERT INTO users (id, tenant_id, email, name, plan) VALUES
  ('a0000000-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'ann@alpha.io', 'Ann', 'pro'),
  ('a0000000-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111', 'al@alpha.io', 'Al', DEFAULT),
  ('b0000000-0000-0000-0000-000000000001', '22222222-2222-2222-2222-222222222222', 'bob@beta.io', 'Bob', 'enterprise'),
  ('b0000000-0000-0000-0000-000000000002', '22222222-2222-2222-2222-222222222222', 'bea@beta.io', 'Bea', 'free'),
  ('b0000000-0000-0000-0000-000000000003', '22222222-2222-2222-2222-222222222222', 'ben@beta.io', 'Ben', 'pro'),
  ('c0000000-0000-0000-0000-000000000001', '33333333-3333-3333-3333-333333333333', 'cy@gamma.io', 'Cy', DEFAULT);
INSERT INTO yoo_instances (id, tenant_id, user_id, name, model) VALUES
  ('a1000000-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'a0000000-0000-0000-0000-000000000001', 'ann-yoo', 'gpt-4o'),
  ('b1000000-0000-0000-0000-000000000001', '22222222-2222-2222-2222-222222222222', 'b0000000-0000-0000-0000-000000000001', 'bob-yoo', 'claude'),
  ('c1000000-0000-0000-0000-000000000001', '33333333-3333-3333-3333-333333333333', 'c0000000-0000-0000-0000-000000000001', 'cy-yoo', 'qwen');
INSERT INTO tasks (id, tenant_id, user_id, yoo_instance_id, title, status) VALUES
  ('a2000000-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'a0000000-0000-0000-0000-000000000001', 'a1000000-0000-0000-0000-000000000001', 'plan trip', 'pending'),
  ('a2000000-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111', 'a0000000-0000-0000-0000-000000000002', NULL, 'write report', 'draft'),
  ('b2000000-0000-0000-0000-000000000001', '22222222-2222-2222-2222-222222222222', 'b0000000-0000-0000-0000-000000000001', 'b1000000-0000-0000-0000-000000000001', 'book flight', 'in_progress'),
  ('c2000000-0000-0000-0000-000000000001', '33333333-3333-3333-3333-333333333333', 'c0000000-0000-0000-0000-000000000001', 'c1000000-0000-0000-0000-000000000001', 'translate', 'completed');
INSERT INTO messages (tenant_id, from_instance_id, to_instance_id, type, payload) VALUES
  ('11111111-1111-1111-1111-111111111111', 'a1000000-0000-0000-0000-000000000001', 'b1000000-0000-0000-0000-000000000001', 'task_proposal', '{"title": "plan trip"}'),
  ('22222222-2222-2222-2222-222222222222', 'b1000000-0000-0000-0000-000000000001', 'a1000000-0000-0000-0000-000000000001', 'task_response', '{"accepted": true}'),
  ('33333333-3333-3333-3333-333333333333', 'c1000000-0000-0000-0000-000000000001', NULL, 'heartbeat', '{}');

-- the application connects as a role that does not own the tables
CREATE ROLE regress_app LOGIN;
GRANT USAGE ON SCHEMA public TO regress_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users, yoo_instances, tasks, messages TO regress_app;
GRANT EXECUTE ON FUNCTION current_tenant_id() TO regress_app;
SELECT relname, relacl FROM pg_class WHERE relname IN ('users', 'yoo_instances', 'tasks', 'messages') ORDER BY relname;

SET ROLE regress_app;
SELECT current_user, session_user;
-- the setting was never set: current_setting(..., true) is NULL and no row qualifies
SELECT current_setting('app.current_tenant_id', true) IS NULL AS unset;
SELECT count(*) FROM users;
UPDATE users SET plan = 'pro' RETURNING email;
DELETE FROM users RETURNING email;
INSERT INTO users (id, tenant_id, email, name) VALUES
  ('a0000000-0000-0000-0000-000000000009', '11111111-1111-1111-1111-111111111111', 'nobody@alpha.io', 'Nobody');
-- the SECURITY DEFINER helper runs as its owner but still returns NULL (the design sets the tenant in the application)
SELECT current_tenant_id() IS NULL AS helper_is_null;

-- tenant 1
SET app.current_tenant_id = '11111111-1111-1111-1111-111111111111';
SELECT email, name, plan FROM users ORDER BY email;
SELECT count(*) FROM users WHERE tenant_id = '22222222-2222-2222-2222-222222222222';
SELECT email FROM users WHERE id = 'b0000000-0000-0000-0000-000000000001';
WITH u AS (UPDATE users SET plan = 'enterprise', updated_at = NOW() RETURNING email, plan) SELECT * FROM u ORDER BY email;
UPDATE users SET name = 'Hacked' WHERE email = 'bob@beta.io' RETURNING email;
INSERT INTO users (id, tenant_id, email, name) VALUES
  ('a0000000-0000-0000-0000-000000000003', '11111111-1111-1111-1111-111111111111', 'amy@alpha.io', 'Amy')
  RETURNING email, name, plan, settings;
-- a row for another tenant violates the WITH CHECK (42501), by INSERT or by UPDATE
INSERT INTO users (id, tenant_id, email, name) VALUES
  ('b0000000-0000-0000-0000-000000000009', '22222222-2222-2222-2222-222222222222', 'mole@beta.io', 'Mole');
UPDATE users SET tenant_id = '22222222-2222-2222-2222-222222222222' WHERE email = 'al@alpha.io';
-- the e-mail of another tenant's user still collides: uniqueness is checked on every row
INSERT INTO users (id, tenant_id, email, name) VALUES
  ('a0000000-0000-0000-0000-000000000004', '11111111-1111-1111-1111-111111111111', 'bob@beta.io', 'Bob Two');
DELETE FROM users WHERE email IN ('amy@alpha.io', 'bob@beta.io') RETURNING email;
-- deleting a user that tasks refer to fails on the foreign key (the check sees every tasks row),
-- but the key is not shown (the app is subject to RLS on tasks)
DELETE FROM users WHERE email = 'al@alpha.io';
SELECT email, name, plan FROM users ORDER BY email;

-- tenant 2
SET app.current_tenant_id = '22222222-2222-2222-2222-222222222222';
SELECT email, name, plan FROM users ORDER BY email;
SELECT plan, count(*) FROM users GROUP BY plan ORDER BY plan;
WITH u AS (UPDATE users SET settings = settings || '{"lang": "zh"}' WHERE plan <> 'free' RETURNING email, settings)
  SELECT * FROM u ORDER BY email;
DELETE FROM users WHERE email = 'bea@beta.io' RETURNING email;
INSERT INTO users (id, tenant_id, email, name, plan) VALUES
  ('b0000000-0000-0000-0000-000000000004', '22222222-2222-2222-2222-222222222222', 'bo@beta.io', 'Bo', 'pro')
  RETURNING email, plan;
INSERT INTO users (id, tenant_id, email, name) VALUES
  ('c0000000-0000-0000-0000-000000000009', '33333333-3333-3333-3333-333333333333', 'spy@gamma.io', 'Spy');
SELECT u.email, u2.email AS other FROM users u LEFT JOIN users u2 ON u2.tenant_id <> u.tenant_id ORDER BY 1, 2;

-- tenant 3, for one transaction only (SET LOCAL, as a transaction-pooled connection would)
BEGIN;
SET LOCAL app.current_tenant_id = '33333333-3333-3333-3333-333333333333';
SELECT email, name FROM users ORDER BY email;
UPDATE users SET name = 'Cyrus' RETURNING email, name;
COMMIT;
SELECT current_setting('app.current_tenant_id');
SELECT email, name FROM users ORDER BY email;

-- an invalid tenant id: the policy's cast fails (22P02)
SET app.current_tenant_id = 'tenant-1';
SELECT count(*) FROM users;
INSERT INTO users (id, tenant_id, email, name) VALUES
  ('a0000000-0000-0000-0000-000000000005', '11111111-1111-1111-1111-111111111111', 'x@alpha.io', 'X');
-- after RESET the setting is '' (not NULL): the cast fails as well
RESET app.current_tenant_id;
SELECT current_setting('app.current_tenant_id', true) = '' AS empty;
SELECT count(*) FROM users;

-- RLS on with no policy: default deny for the app role, whichever tenant is set
SET app.current_tenant_id = '11111111-1111-1111-1111-111111111111';
SELECT count(*) FROM yoo_instances;
SELECT count(*) FROM tasks;
SELECT count(*) FROM messages;
SELECT t.title FROM tasks t JOIN users u ON u.id = t.user_id ORDER BY 1;
SELECT u.email, count(t.id) AS tasks FROM users u LEFT JOIN tasks t ON t.user_id = u.id GROUP BY u.email ORDER BY u.email;
UPDATE tasks SET status = 'cancelled' RETURNING title;
DELETE FROM messages RETURNING type;
INSERT INTO tasks (tenant_id, user_id, title) VALUES
  ('11111111-1111-1111-1111-111111111111', 'a0000000-0000-0000-0000-000000000001', 'new task');
INSERT INTO messages (tenant_id, type) VALUES ('11111111-1111-1111-1111-111111111111', 'heartbeat');
INSERT INTO yoo_instances (tenant_id, user_id, name, model) VALUES
  ('11111111-1111-1111-1111-111111111111', 'a0000000-0000-0000-0000-000000000001', 'ann-yoo-2', 'gpt-4o');
-- only the owner may turn RLS off (42501), and row_security = off is refused for the app (42501)
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
DROP POLICY "tenant_isolation" ON users;
SET row_security = off;
SELECT count(*) FROM users;
RESET row_security;
RESET ROLE;

-- the owner sees every tenant's rows
RESET app.current_tenant_id;
SELECT tenant_id, email, name, plan FROM users ORDER BY tenant_id, email;
SELECT tenant_id, count(*) FROM yoo_instances GROUP BY tenant_id ORDER BY tenant_id;
SELECT tenant_id, title, status FROM tasks ORDER BY tenant_id, title;
SELECT tenant_id, type, payload FROM messages ORDER BY tenant_id;
SELECT u.email, count(t.id) AS tasks FROM users u LEFT JOIN tasks t ON t.user_id = u.id GROUP BY u.email ORDER BY u.email;

DROP TABLE messages, tasks, yoo_instances, users;
DROP FUNCTION current_tenant_id();
DROP TYPE message_type, task_status, user_plan;
REVOKE USAGE ON SCHEMA public FROM regress_app;
DROP ROLE regress_app;
