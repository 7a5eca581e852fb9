-- drop index "allocation_lease_id" from table: "allocations"
DROP INDEX "allocation_lease_id";
-- create index "allocation_lease_id_released_at" to table: "allocations"
CREATE INDEX "allocation_lease_id_released_at" ON "allocations" ("lease_id", "released_at");
