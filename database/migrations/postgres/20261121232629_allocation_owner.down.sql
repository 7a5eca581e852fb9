-- reverse: create index "allocation_owner_id_released_at" to table: "allocations"
DROP INDEX "allocation_owner_id_released_at";
-- reverse: modify "allocations" table
ALTER TABLE "allocations" DROP COLUMN "owner_id";
