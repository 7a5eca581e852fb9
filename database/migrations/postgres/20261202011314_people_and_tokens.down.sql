-- reverse: modify "users" table
ALTER TABLE "users" DROP COLUMN "deactivated_at";
-- reverse: modify "api_tokens" table
ALTER TABLE "api_tokens" DROP COLUMN "expires_at";
