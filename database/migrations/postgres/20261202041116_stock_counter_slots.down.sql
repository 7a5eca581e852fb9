-- fold every counter's slots into its lowest row, then drop the others
UPDATE "stock_counts" AS s SET "count" = t.total FROM (SELECT min("id") AS id, sum("count") AS total FROM "stock_counts" GROUP BY "product_id", "status") AS t WHERE s."id" = t.id;
DELETE FROM "stock_counts" WHERE "id" NOT IN (SELECT min("id") FROM "stock_counts" GROUP BY "product_id", "status");
-- reverse: create index "stockcount_product_id_status_slot" to table: "stock_counts"
DROP INDEX "stockcount_product_id_status_slot";
-- reverse: modify "stock_counts" table
ALTER TABLE "stock_counts" DROP COLUMN "slot";
-- reverse: drop index "stockcount_product_id_status" from table: "stock_counts"
CREATE UNIQUE INDEX "stockcount_product_id_status" ON "stock_counts" ("product_id", "status");
