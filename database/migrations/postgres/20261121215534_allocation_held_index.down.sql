-- reverse: create index "allocation_lease_id_released_at" to table: "allocations"
DROP INDEX "allocation_lease_id_released_at";
-- reverse: drop index "allocation_lease_id" from table: "allocations"
CREATE INDEX "allocation_lease_id" ON "allocations" ("lease_id");
