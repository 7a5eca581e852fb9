-- reverse: modify "products" table
ALTER TABLE "products" DROP COLUMN "parameters";
-- reverse: modify "orders" table
ALTER TABLE "orders" DROP COLUMN "parameters";
