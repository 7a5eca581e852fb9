-- modify "allocations" table
ALTER TABLE "allocations" ADD COLUMN "owner_id" bigint NULL;
-- create index "allocation_owner_id_released_at" to table: "allocations"
CREATE INDEX "allocation_owner_id_released_at" ON "allocations" ("owner_id", "released_at");
