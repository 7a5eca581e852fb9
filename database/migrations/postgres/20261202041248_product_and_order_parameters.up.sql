-- modify "orders" table
ALTER TABLE "orders" ADD COLUMN "parameters" jsonb NULL;
-- modify "products" table
ALTER TABLE "products" ADD COLUMN "parameters" jsonb NULL;
