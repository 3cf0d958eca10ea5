-- Seed 000 (Yoyoo multi-tenant agent/task platform): its only server-side function,
-- current_tenant_id() (section 2.2, PL/pgSQL, SECURITY DEFINER), copied verbatim, then used
-- next to the app.current_tenant_id setting that the design's RLS policies read.
-- The seed has no triggers, DO blocks or views.

-- minimal schema from the design's section 10 (its users table already uses gen_random_uuid())
CREATE TYPE user_plan AS ENUM ('free', 'pro', 'enterprise');
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

-- 创建租户上下文函数
CREATE OR REPLACE FUNCTION current_tenant_id()
RETURNS UUID AS $$
BEGIN
  RETURN NULL; -- 在应用层设置
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- the function always answers NULL: the tenant is set by the application
SELECT current_tenant_id() IS NULL AS is_null, pg_typeof(current_tenant_id()) AS type;
SELECT proname, prosecdef, prorettype::regtype, pronargs
  FROM pg_proc WHERE proname = 'current_tenant_id' ORDER BY proname;

INSERT INTO users (tenant_id, email, name) VALUES
  ('11111111-1111-1111-1111-111111111111', 'a@tenant-a.example', 'Alice'),
  ('11111111-1111-1111-1111-111111111111', 'b@tenant-a.example', 'Bob'),
  ('22222222-2222-2222-2222-222222222222', 'c@tenant-b.example', 'Carol');

-- comparing with NULL matches nothing; IS NOT DISTINCT FROM matches nothing either
SELECT count(*) FROM users WHERE tenant_id = current_tenant_id();
SELECT count(*) FROM users WHERE tenant_id IS NOT DISTINCT FROM current_tenant_id();

-- the tenant context the design's policies read, with the function as first choice
SELECT current_setting('app.current_tenant_id', true) IS NULL AS unset;
SELECT COALESCE(current_tenant_id(), current_setting('app.current_tenant_id', true)::UUID) IS NULL AS no_tenant;
SET app.current_tenant_id = '11111111-1111-1111-1111-111111111111';
SELECT email, name FROM users
  WHERE tenant_id = COALESCE(current_tenant_id(), current_setting('app.current_tenant_id', true)::UUID)
  ORDER BY email;
SELECT set_config('app.current_tenant_id', '22222222-2222-2222-2222-222222222222', false);
SELECT email, name FROM users
  WHERE tenant_id = COALESCE(current_tenant_id(), current_setting('app.current_tenant_id', true)::UUID)
  ORDER BY email;
-- once set, a reset placeholder reads as '' rather than NULL, and ''::UUID fails
RESET app.current_tenant_id;
SELECT count(*) FROM users
  WHERE tenant_id = COALESCE(current_tenant_id(), current_setting('app.current_tenant_id', true)::UUID);

-- CREATE OR REPLACE with the same body is accepted again; a call with an argument is not
CREATE OR REPLACE FUNCTION current_tenant_id()
RETURNS UUID AS $$
BEGIN
  RETURN NULL; -- 在应用层设置
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;
SELECT current_tenant_id('x');
