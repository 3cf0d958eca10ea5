-- The partitioned tables of the seeds, verbatim: seed 000's messages (RANGE by month) and
-- users (LIST by tenant), seed 002's posthog_event_logs, seed 003's hash-partitioned subtasks
-- and monthly system logs, and seed 004 whole (its monthly partitions, create_monthly_partition,
-- the HASH alternative, the four migration steps, auto_create_partitions). Rows are added to
-- show where they land.
-- Notes:
--  * seed 000's users partitions name tenants 'uuid-for-tenant-a' / '-b', not uuids: 22P02, as
--    on PostgreSQL.
--  * seed 003 elides partitions 2-14 and the later months ("-- ... 创建其余分区 ..."); they are
--    created here as the design says. Its enum types come first, verbatim.
--  * seed 004 runs in its own order: its HASH alternative of chat_sessions fails while the RANGE
--    one exists (42P07, then 42P16 for each partition), and is run again after dropping it; its
--    third migration step fails until the months have partitions again (23514), made with its own
--    create_monthly_partition. Its monitoring queries (EXPLAIN ANALYZE, pg_stat_user_tables) belong
--    to the monitoring issue and are left out.

-- ===== seed 000, section 6 =====
CREATE TABLE messages (
    id UUID NOT NULL,
    tenant_id UUID NOT NULL,
    type VARCHAR(50) NOT NULL,
    payload JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
) PARTITION BY RANGE (created_at);

-- 创建月度分区
CREATE TABLE messages_2026_01 PARTITION OF messages
    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');

CREATE TABLE messages_2026_02 PARTITION OF messages
    FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');

-- 分区索引
CREATE INDEX idx_messages_2026_01_created ON messages_2026_01(created_at);
CREATE INDEX idx_messages_2026_02_created ON messages_2026_02(created_at);
INSERT INTO messages (id, tenant_id, type, payload, created_at)
SELECT gen_random_uuid(), gen_random_uuid(), 'chat', jsonb_build_object('n', g), timestamptz '2026-01-20' + g * interval '1 day'
FROM generate_series(1, 30) g;
SELECT (SELECT count(*) FROM messages_2026_01) AS jan, (SELECT count(*) FROM messages_2026_02) AS feb, count(*) AS total FROM messages;
INSERT INTO messages (id, tenant_id, type, payload, created_at) VALUES (gen_random_uuid(), gen_random_uuid(), 'chat', '{}', '2026-03-05');
CREATE TABLE users (
    id UUID NOT NULL,
    tenant_id UUID NOT NULL,
    email VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
) PARTITION BY LIST (tenant_id);

-- 为�个租户创建分区
CREATE TABLE users_tenant_a PARTITION OF users
    FOR VALUES IN ('uuid-for-tenant-a');

CREATE TABLE users_tenant_b PARTITION OF users
    FOR VALUES IN ('uuid-for-tenant-b');
SELECT count(*) FROM pg_inherits WHERE inhparent = 'users'::regclass;

-- ===== seed 002, event logs =====
CREATE TABLE posthog_event_logs (
    id bigint NOT NULL,
    timestamp timestamp NOT NULL,
    event_type varchar(100) NOT NULL,
    data jsonb
) PARTITION BY RANGE (timestamp);

-- 创建月度分区
CREATE TABLE posthog_event_logs_202401 
PARTITION OF posthog_event_logs
FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
INSERT INTO posthog_event_logs VALUES (1, '2024-01-15 10:00', 'pageview', '{"path": "/"}'), (2, '2024-01-31 23:59:59', 'click', NULL);
SELECT id, event_type FROM posthog_event_logs_202401 ORDER BY id;
INSERT INTO posthog_event_logs VALUES (3, '2024-02-01', 'pageview', NULL);

-- ===== seed 003, partitioned subtasks and system logs =====
CREATE TYPE subtask_status AS ENUM ('pending', 'processing', 'completed', 'failed', 'cancelled');
CREATE TYPE quality_rating AS ENUM ('unrated', 'poor', 'good');
CREATE TABLE subtasks_partitioned (
    id UUID NOT NULL,
    task_id UUID NOT NULL,
    status subtask_status NOT NULL DEFAULT 'pending',
    variable_indices JSONB NOT NULL DEFAULT '{}'::jsonb,
    prompts JSONB NOT NULL DEFAULT '[]'::jsonb,
    ratio VARCHAR(10) NOT NULL DEFAULT '1:1',
    seed INTEGER,
    use_polish BOOLEAN NOT NULL DEFAULT FALSE,
    retry_count SMALLINT NOT NULL DEFAULT 0,
    error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    started_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    result JSONB,
    rating quality_rating NOT NULL DEFAULT 'unrated',
    evaluation TEXT,
    PRIMARY KEY (task_id, id)
) PARTITION BY HASH (task_id);

-- 创建16个分区
CREATE TABLE subtasks_partition_0 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE subtasks_partition_1 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 1);
-- ... 创建其余分区 ...
CREATE TABLE subtasks_partition_2 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE subtasks_partition_3 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE subtasks_partition_4 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE subtasks_partition_5 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE subtasks_partition_6 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE subtasks_partition_7 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE subtasks_partition_8 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE subtasks_partition_9 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE subtasks_partition_10 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE subtasks_partition_11 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE subtasks_partition_12 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE subtasks_partition_13 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE subtasks_partition_14 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE subtasks_partition_15 PARTITION OF subtasks_partitioned FOR VALUES WITH (MODULUS 16, REMAINDER 15);

-- 系统日志表分区（按时间分区）
CREATE TABLE system_logs_partitioned (
    id BIGSERIAL NOT NULL,
    log_level VARCHAR(10) NOT NULL,
    component VARCHAR(50) NOT NULL,
    message TEXT NOT NULL,
    details JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (created_at, id)
) PARTITION BY RANGE (created_at);

-- 创建按月分区
CREATE TABLE system_logs_y2023m01 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-01-01') TO ('2023-02-01');
CREATE TABLE system_logs_y2023m02 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-02-01') TO ('2023-03-01');
-- ... 创建其余分区 ...
CREATE TABLE system_logs_y2023m03 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-03-01') TO ('2023-04-01');
CREATE TABLE system_logs_y2023m04 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-04-01') TO ('2023-05-01');
CREATE TABLE system_logs_y2023m05 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-05-01') TO ('2023-06-01');
CREATE TABLE system_logs_y2023m06 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-06-01') TO ('2023-07-01');
CREATE TABLE system_logs_y2023m07 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-07-01') TO ('2023-08-01');
CREATE TABLE system_logs_y2023m08 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-08-01') TO ('2023-09-01');
CREATE TABLE system_logs_y2023m09 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-09-01') TO ('2023-10-01');
CREATE TABLE system_logs_y2023m10 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-10-01') TO ('2023-11-01');
CREATE TABLE system_logs_y2023m11 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-11-01') TO ('2023-12-01');
CREATE TABLE system_logs_y2023m12 PARTITION OF system_logs_partitioned
    FOR VALUES FROM ('2023-12-01') TO ('2024-01-01');
INSERT INTO subtasks_partitioned (id, task_id)
SELECT md5('subtask' || g)::uuid, md5('task' || (g % 40))::uuid FROM generate_series(1, 400) g;
SELECT 'p0' AS p, count(*) FROM subtasks_partition_0 UNION ALL SELECT 'p1', count(*) FROM subtasks_partition_1
UNION ALL SELECT 'p2', count(*) FROM subtasks_partition_2 UNION ALL SELECT 'p3', count(*) FROM subtasks_partition_3
UNION ALL SELECT 'p4', count(*) FROM subtasks_partition_4 UNION ALL SELECT 'p5', count(*) FROM subtasks_partition_5
UNION ALL SELECT 'p6', count(*) FROM subtasks_partition_6 UNION ALL SELECT 'p7', count(*) FROM subtasks_partition_7
UNION ALL SELECT 'p8', count(*) FROM subtasks_partition_8 UNION ALL SELECT 'p9', count(*) FROM subtasks_partition_9
UNION ALL SELECT 'p10', count(*) FROM subtasks_partition_10 UNION ALL SELECT 'p11', count(*) FROM subtasks_partition_11
UNION ALL SELECT 'p12', count(*) FROM subtasks_partition_12 UNION ALL SELECT 'p13', count(*) FROM subtasks_partition_13
UNION ALL SELECT 'p14', count(*) FROM subtasks_partition_14 UNION ALL SELECT 'p15', count(*) FROM subtasks_partition_15;
-- one task's subtasks live in one partition, and a lookup by task reads only it
SELECT count(*) FROM subtasks_partitioned WHERE task_id = md5('task7')::uuid;
EXPLAIN (COSTS OFF) SELECT count(*) FROM subtasks_partitioned WHERE task_id = md5('task7')::uuid;
UPDATE subtasks_partitioned SET status = 'completed', completed_at = '2024-05-01' WHERE task_id = md5('task7')::uuid;
SELECT status, count(*) FROM subtasks_partitioned GROUP BY status ORDER BY status;
INSERT INTO subtasks_partitioned (id, task_id) VALUES (md5('subtask1')::uuid, md5('task1')::uuid);
INSERT INTO system_logs_partitioned (log_level, component, message, created_at)
SELECT 'INFO', 'worker', 'tick ' || g, timestamptz '2023-01-01' + g * interval '1 week' FROM generate_series(0, 51) g;
SELECT (SELECT count(*) FROM system_logs_y2023m01) AS jan, (SELECT count(*) FROM system_logs_y2023m12) AS dec, count(*) FROM system_logs_partitioned;
INSERT INTO system_logs_partitioned (log_level, component, message, created_at) VALUES ('INFO', 'worker', 'later', '2024-06-01');

-- ===== seed 004, whole =====
-- 메� 테�블 (파티션 테�블)
CREATE TABLE chat_messages (
    id BIGSERIAL,
    session_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

-- 월별 파티션 �성
CREATE TABLE chat_messages_2024_01 PARTITION OF chat_messages
FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');

CREATE TABLE chat_messages_2024_02 PARTITION OF chat_messages
FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');

-- �� 파티션 �성 함수
CREATE OR REPLACE FUNCTION create_monthly_partition(table_name text, start_date date)
RETURNS void AS $$
DECLARE
    partition_name text;
    end_date date;
BEGIN
    partition_name := table_name || '_' || to_char(start_date, 'YYYY_MM');
    end_date := start_date + interval '1 month';
    
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                   partition_name, table_name, start_date, end_date);
END;
$$ LANGUAGE plpgsql;
INSERT INTO chat_messages (session_id, role, content, created_at)
SELECT g % 5, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END, 'message ' || g, timestamptz '2024-01-10' + g * interval '12 hours'
FROM generate_series(1, 60) g;
SELECT (SELECT count(*) FROM chat_messages_2024_01) AS jan, (SELECT count(*) FROM chat_messages_2024_02) AS feb;
-- 세션 테�블� 시간 기반 파티셔�
CREATE TABLE chat_sessions (
    id BIGSERIAL,
    client_id UUID NOT NULL,
    title TEXT,
    created_at TIMESTAMPTZ DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

-- 월별 파티션 �성
CREATE TABLE chat_sessions_2024_01 PARTITION OF chat_sessions
FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
-- 해시 기반 파티셔�
CREATE TABLE chat_sessions (
    id BIGSERIAL,
    client_id UUID NOT NULL,
    title TEXT,
    created_at TIMESTAMPTZ DEFAULT now(),
    PRIMARY KEY (id, client_id)
) PARTITION BY HASH (client_id);

-- 파티션 �성 (4개 파티션)
CREATE TABLE chat_sessions_p0 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 0);

CREATE TABLE chat_sessions_p1 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 1);

CREATE TABLE chat_sessions_p2 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 2);

CREATE TABLE chat_sessions_p3 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 3);
-- the HASH alternative on its own
DROP TABLE chat_sessions;
-- 해시 기반 파티셔�
CREATE TABLE chat_sessions (
    id BIGSERIAL,
    client_id UUID NOT NULL,
    title TEXT,
    created_at TIMESTAMPTZ DEFAULT now(),
    PRIMARY KEY (id, client_id)
) PARTITION BY HASH (client_id);

-- 파티션 �성 (4개 파티션)
CREATE TABLE chat_sessions_p0 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 0);

CREATE TABLE chat_sessions_p1 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 1);

CREATE TABLE chat_sessions_p2 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 2);

CREATE TABLE chat_sessions_p3 PARTITION OF chat_sessions
FOR VALUES WITH (modulus 4, remainder 3);
INSERT INTO chat_sessions (client_id, title) SELECT md5('client' || g)::uuid, 'session ' || g FROM generate_series(1, 100) g;
SELECT (SELECT count(*) FROM chat_sessions_p0) AS p0, (SELECT count(*) FROM chat_sessions_p1) AS p1,
       (SELECT count(*) FROM chat_sessions_p2) AS p2, (SELECT count(*) FROM chat_sessions_p3) AS p3;
-- the four migration steps
-- 기존 ��터 백업
CREATE TABLE chat_messages_backup AS SELECT * FROM chat_messages;
CREATE TABLE chat_sessions_backup AS SELECT * FROM chat_sessions;
-- 파티션 테�블로 ��성
DROP TABLE chat_messages CASCADE;
CREATE TABLE chat_messages (
    id BIGSERIAL,
    session_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
-- 백업 ��터를 파티션 테�블로 ��
INSERT INTO chat_messages SELECT * FROM chat_messages_backup;
SELECT create_monthly_partition('chat_messages', '2024-01-01');
SELECT create_monthly_partition('chat_messages', '2024-02-01');
-- 백업 ��터를 파티션 테�블로 ��
INSERT INTO chat_messages SELECT * FROM chat_messages_backup;
-- 파티션별 ��스 �성
CREATE INDEX ON chat_messages_2024_01 (session_id, role, created_at);
CREATE INDEX ON chat_messages_2024_02 (session_id, role, created_at);
SELECT count(*), min(created_at), max(created_at) FROM chat_messages;
SELECT count(*) FROM chat_messages_backup;
\d chat_messages_2024_01
-- 월별 파티션 �� �성 스��립트
CREATE OR REPLACE FUNCTION auto_create_partitions()
RETURNS void AS $$
DECLARE
    current_month date;
    next_month date;
    partition_name text;
BEGIN
    current_month := date_trunc('month', CURRENT_DATE);
    next_month := current_month + interval '1 month';
    partition_name := 'chat_messages_' || to_char(current_month, 'YYYY_MM');
    
    -- 파티션� 없으면 �성
    IF NOT EXISTS (
        SELECT 1 FROM pg_tables 
        WHERE tablename = partition_name
    ) THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF chat_messages FOR VALUES FROM (%L) TO (%L)',
                       partition_name, current_month, next_month);
    END IF;
END;
$$ LANGUAGE plpgsql;
SELECT auto_create_partitions();
SELECT auto_create_partitions();
SELECT count(*) FROM pg_inherits WHERE inhparent = 'chat_messages'::regclass;
INSERT INTO chat_messages (session_id, role, content) VALUES (1, 'user', 'today');
SELECT count(*) FROM chat_messages WHERE created_at >= date_trunc('month', CURRENT_DATE);
