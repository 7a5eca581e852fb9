-- modify "api_tokens" table
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamptz NULL;
-- modify "users" table
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamptz NULL;
