-- CREATE EXTENSION for the extensions Tusk provides built in
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS plpgsql;
SELECT length(uuid_generate_v4()::text), length(gen_random_uuid()::text);
DROP EXTENSION pg_trgm;
DROP EXTENSION IF EXISTS pg_trgm;
-- errors
CREATE EXTENSION "uuid-ossp";
CREATE EXTENSION no_such_extension;
CREATE EXTENSION IF NOT EXISTS no_such_extension;
DROP EXTENSION pg_trgm;
