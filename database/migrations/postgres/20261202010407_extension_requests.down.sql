-- reverse: create index "extensionrequest_status_cost_center_id" to table: "extension_requests"
DROP INDEX "extensionrequest_status_cost_center_id";
-- reverse: create index "extensionrequest_lease_id_status" to table: "extension_requests"
DROP INDEX "extensionrequest_lease_id_status";
-- reverse: create index "extensionrequest_lease_id" to table: "extension_requests"
DROP INDEX "extensionrequest_lease_id";
-- reverse: create "extension_requests" table
DROP TABLE "extension_requests";
