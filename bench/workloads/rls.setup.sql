-- Seed 000's multi-tenant task table under row-level security (Tusk's own: ../shared/bench's
-- tasks.setup.sql has no tenant column). 200k tasks of 50 tenants, seed 000's status enum and
-- tenant index, seed 000's tenant_isolation policy, and bench_app, the application's login role
-- (no password: both servers take 127.0.0.1 on trust). rls.pgbench runs as bench_app, under the
-- policy; rls_owner.pgbench runs as the table's owner (postgres), whom the policy does not apply
-- to, with the tenant condition written out. Loaded in a database of its own ("rls": the shared
-- tasks set has a table of the same name). Tenant t's id: 00000000-0000-4000-8000-<t, 12 digits>.
DROP TABLE IF EXISTS tasks;
DROP TYPE IF EXISTS task_status;
DROP ROLE IF EXISTS bench_app;
CREATE TYPE task_status AS ENUM ('draft', 'pending', 'assessing', 'negotiating', 'accepted',
  'in_progress', 'completed', 'failed', 'reported', 'cancelled');
CREATE TABLE tasks (
  id uuid PRIMARY KEY, tenant_id uuid NOT NULL, user_id int NOT NULL,
  title varchar(255) NOT NULL, status task_status DEFAULT 'draft', priority varchar(20) DEFAULT 'normal',
  created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now());
-- Row i: tenant 1 + i % 50, status 1 + (i / 50) % 10 (400 rows per tenant and status), one a minute.
INSERT INTO tasks
SELECT ('00000000-0000-4000-9000-' || lpad(i::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad((1 + i % 50)::text, 12, '0'))::uuid,
       1 + i % 1000, 'task ' || i,
       (ARRAY['draft', 'pending', 'assessing', 'negotiating', 'accepted', 'in_progress', 'completed',
              'failed', 'reported', 'cancelled']::task_status[])[1 + (i / 50) % 10],
       (ARRAY['low', 'normal', 'high'])[1 + i % 3],
       timestamptz '2026-01-01' + i * interval '1 minute', timestamptz '2026-01-01' + i * interval '1 minute'
FROM generate_series(1, 200000) AS i;
CREATE INDEX idx_tasks_tenant ON tasks(tenant_id, status);
ANALYZE tasks;
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tasks FOR ALL
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);
CREATE ROLE bench_app LOGIN;
GRANT SELECT, INSERT, UPDATE ON tasks TO bench_app;
