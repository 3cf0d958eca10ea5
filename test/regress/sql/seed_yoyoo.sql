-- Seed 000 (Yoyoo multi-tenant platform): the schema of its section 10, and its pagination
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
-- vector(1536) needs the vector type (not yet in Tusk; PostgreSQL without pgvector fails alike)
CREATE TABLE memories (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  user_id UUID NOT NULL REFERENCES users(id),
  type VARCHAR(50) NOT NULL,
  content TEXT NOT NULL,
  embedding vector(1536),  -- OpenAI Ada-002
  metadata JSONB DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW()
);
CREATE INDEX idx_users_tenant ON users (tenant_id);
CREATE INDEX idx_tasks_tenant_user ON tasks (tenant_id, user_id);
CREATE INDEX idx_tasks_status ON tasks (status);
CREATE INDEX idx_tasks_created ON tasks (created_at DESC);
CREATE INDEX idx_messages_tenant_created ON messages (tenant_id, created_at);
INSERT INTO users (id, tenant_id, email, name, plan) VALUES
  ('00000000-0000-0000-0000-0000000000a1', '10000000-0000-0000-0000-000000000001', 'ann@a.io', 'Ann', 'pro'),
  ('00000000-0000-0000-0000-0000000000b1', '20000000-0000-0000-0000-000000000002', 'bob@b.io', 'Bob', DEFAULT);
INSERT INTO yoo_instances (id, tenant_id, user_id, name, model) VALUES
  ('00000000-0000-0000-0000-00000000aaaa', '10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 'yoo-1', 'gpt');
INSERT INTO tasks (tenant_id, user_id, title, status, created_at)
  SELECT '10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 'task ' || n, 'pending', '2026-01-01 00:00:00+00'::timestamptz + n * interval '1 hour'
  FROM (VALUES (1), (2), (3), (4), (5)) AS v(n);
SELECT title, status, plan FROM tasks t JOIN users u ON u.id = t.user_id ORDER BY t.created_at DESC LIMIT 2;
SELECT title FROM tasks ORDER BY created_at DESC LIMIT 2 OFFSET 1;
SELECT title FROM tasks WHERE created_at < '2026-01-01 04:00:00+00' ORDER BY created_at DESC LIMIT 2;
SELECT u.email, count(t.id) FROM users u LEFT JOIN tasks t ON t.user_id = u.id GROUP BY u.email ORDER BY u.email;
UPDATE tasks SET status = 'in_progress', updated_at = now() WHERE title = 'task 1' RETURNING title, status;
SELECT status, count(*) FROM tasks GROUP BY status ORDER BY status;
-- errors
INSERT INTO tasks (tenant_id, user_id, title) VALUES ('10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000ff', 'orphan');
INSERT INTO users (tenant_id, email, name) VALUES ('10000000-0000-0000-0000-000000000001', 'ann@a.io', 'Dup');
INSERT INTO tasks (tenant_id, user_id, title, status) VALUES ('10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 't', 'unknown');
DELETE FROM users WHERE name = 'Ann';
SELECT * FROM tasks WHERE created_at < $1 ORDER BY created_at DESC LIMIT 20;
