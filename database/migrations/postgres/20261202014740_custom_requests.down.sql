-- reverse: create index "customrequest_status_created_at" to table: "custom_requests"
DROP INDEX "customrequest_status_created_at";
-- reverse: create index "customrequest_requester_id_status" to table: "custom_requests"
DROP INDEX "customrequest_requester_id_status";
-- reverse: create "custom_requests" table
DROP TABLE "custom_requests";
-- reverse: modify "products" table
ALTER TABLE "products" DROP COLUMN "custom_cost_center_id", DROP COLUMN "custom_for_id";
