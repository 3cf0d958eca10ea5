-- Seed 002 (PostHog): core tables and indexes exactly as in the design, then its queries
-- 用户表
CREATE TABLE posthog_user (
    id uuid NOT NULL PRIMARY KEY,
    password varchar(256) NOT NULL,
    email varchar(254) NOT NULL UNIQUE,
    first_name varchar(150),
    last_name varchar(150),
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL,
    uuid uuid NOT NULL UNIQUE
);

-- 团队表
CREATE TABLE posthog_team (
    id bigserial NOT NULL PRIMARY KEY,
    name varchar(200) NOT NULL,
    api_token varchar(200) NOT NULL UNIQUE,
    app_urls jsonb,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    anonymize_ips boolean NOT NULL,
    completed_snippet_onboarding boolean NOT NULL,
    ingested_event boolean NOT NULL,
    session_recording_opt_in boolean NOT NULL,
    signup_token varchar(200),
    is_demo boolean NOT NULL
);

-- 仪表板表
CREATE TABLE posthog_dashboard (
    id bigserial NOT NULL PRIMARY KEY,
    name varchar(400) NOT NULL,
    description text,
    team_id bigint NOT NULL REFERENCES posthog_team(id),
    created_at timestamp with time zone NOT NULL,
    created_by_id uuid REFERENCES posthog_user(id),
    share_token varchar(400),
    deleted boolean NOT NULL,
    filters jsonb
);
-- 用户邮箱索引
CREATE INDEX posthog_user_email_idx ON posthog_user (email);

-- 团队 API token 索引
CREATE INDEX posthog_team_api_token_idx ON posthog_team (api_token);

-- 仪表板团队索引
CREATE INDEX posthog_dashboard_team_id_idx ON posthog_dashboard (team_id);
INSERT INTO posthog_user VALUES
  ('00000000-0000-0000-0000-000000000001', 'pbkdf2$x', 'ann@posthog.test', 'Ann', NULL, true, true, '2024-01-01 09:00:00+00', '10000000-0000-0000-0000-000000000001'),
  ('00000000-0000-0000-0000-000000000002', 'pbkdf2$y', 'bob@posthog.test', NULL, 'Builder', false, true, '2024-01-02 09:00:00+00', '10000000-0000-0000-0000-000000000002');
INSERT INTO posthog_team (name, api_token, app_urls, created_at, updated_at, anonymize_ips, completed_snippet_onboarding, ingested_event, session_recording_opt_in, is_demo)
VALUES ('Default', 'phc_token_1', '["https://app.example.com"]', now(), now(), false, true, true, false, false),
       ('Demo', 'phc_token_2', NULL, now(), now(), true, false, false, false, true)
RETURNING id, name;
INSERT INTO posthog_dashboard (name, team_id, created_at, created_by_id, deleted, filters) VALUES
  ('Overview', 1, '2024-02-01 00:00:00+00', '00000000-0000-0000-0000-000000000001', false, '{"date_from": "-7d"}'),
  ('Retention', 1, '2024-02-02 00:00:00+00', NULL, false, NULL),
  ('Old', 2, '2024-02-03 00:00:00+00', '00000000-0000-0000-0000-000000000002', true, '{}');
-- the prepared statement of section 1 with its parameter filled in
SELECT id, name
FROM posthog_team
WHERE api_token = 'phc_token_1';
SELECT t.name AS team, count(d.id) AS dashboards, count(d.id) FILTER (WHERE NOT d.deleted) AS live
FROM posthog_team t LEFT JOIN posthog_dashboard d ON d.team_id = t.id
GROUP BY t.name ORDER BY t.name;
SELECT d.name, u.email FROM posthog_dashboard d LEFT JOIN posthog_user u ON u.id = d.created_by_id ORDER BY d.created_at;
EXPLAIN (COSTS OFF) SELECT id, name FROM posthog_team WHERE api_token = 'phc_token_1';
-- the batch insert of section 1 leaves NOT NULL columns empty, which PostgreSQL rejects
INSERT INTO posthog_user (id, email, password)
VALUES ('00000000-0000-0000-0000-000000000003', 'cy@posthog.test', 'x');
-- errors
INSERT INTO posthog_team (name, api_token, created_at, updated_at, anonymize_ips, completed_snippet_onboarding, ingested_event, session_recording_opt_in, is_demo)
VALUES ('Dup', 'phc_token_1', now(), now(), false, false, false, false, false);
INSERT INTO posthog_dashboard (name, team_id, created_at, deleted) VALUES ('Orphan', 99, now(), false);
DELETE FROM posthog_team WHERE name = 'Default';
SELECT count(*) FROM posthog_dashboard;
