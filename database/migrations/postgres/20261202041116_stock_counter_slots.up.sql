-- drop index "stockcount_product_id_status" from table: "stock_counts"
DROP INDEX "stockcount_product_id_status";
-- modify "stock_counts" table
ALTER TABLE "stock_counts" ADD COLUMN "slot" bigint NOT NULL DEFAULT 0;
-- create index "stockcount_product_id_status_slot" to table: "stock_counts"
CREATE UNIQUE INDEX "stockcount_product_id_status_slot" ON "stock_counts" ("product_id", "status", "slot");
