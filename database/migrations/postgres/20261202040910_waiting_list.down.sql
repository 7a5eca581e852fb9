-- reverse: create index "queueentry_product_id_id" to table: "queue_entries"
DROP INDEX "queueentry_product_id_id";
-- reverse: create index "queueentry_lease_id" to table: "queue_entries"
DROP INDEX "queueentry_lease_id";
-- reverse: create "queue_entries" table
DROP TABLE "queue_entries";
-- reverse: modify "leases" table
ALTER TABLE "leases" DROP COLUMN "queued_until", DROP COLUMN "max_wait";
