-- reverse: create index "stockcount_product_id_status" to table: "stock_counts"
DROP INDEX "stockcount_product_id_status";
-- reverse: create "stock_counts" table
DROP TABLE "stock_counts";
-- reverse: create index "stack_bag_id_product_id" to table: "stacks"
DROP INDEX "stack_bag_id_product_id";
-- reverse: create "stacks" table
DROP TABLE "stacks";
-- reverse: create index "order_period_end" to table: "orders"
DROP INDEX "order_period_end";
-- reverse: create index "order_lease_id" to table: "orders"
DROP INDEX "order_lease_id";
-- reverse: create index "order_cost_center_id_created_at" to table: "orders"
DROP INDEX "order_cost_center_id_created_at";
-- reverse: create "orders" table
DROP TABLE "orders";
-- reverse: create index "notices_dedupe_key_key" to table: "notices"
DROP INDEX "notices_dedupe_key_key";
-- reverse: create index "notice_delivered_at_failed_at_deliver_after" to table: "notices"
DROP INDEX "notice_delivered_at_failed_at_deliver_after";
-- reverse: create "notices" table
DROP TABLE "notices";
-- reverse: create index "event_lease_id" to table: "events"
DROP INDEX "event_lease_id";
-- reverse: create index "event_item_id" to table: "events"
DROP INDEX "event_item_id";
-- reverse: create "events" table
DROP TABLE "events";
-- reverse: create "bill_lines" table
DROP TABLE "bill_lines";
-- reverse: create index "bill_cost_center_id_month_currency" to table: "bills"
DROP INDEX "bill_cost_center_id_month_currency";
-- reverse: create "bills" table
DROP TABLE "bills";
-- reverse: create index "api_tokens_hash_key" to table: "api_tokens"
DROP INDEX "api_tokens_hash_key";
-- reverse: create "api_tokens" table
DROP TABLE "api_tokens";
-- reverse: create index "allocation_vended_at_released_at" to table: "allocations"
DROP INDEX "allocation_vended_at_released_at";
-- reverse: create index "allocation_lease_id" to table: "allocations"
DROP INDEX "allocation_lease_id";
-- reverse: create index "allocation_item_id_created_at" to table: "allocations"
DROP INDEX "allocation_item_id_created_at";
-- reverse: create index "allocation_item_id" to table: "allocations"
DROP INDEX "allocation_item_id";
-- reverse: create "allocations" table
DROP TABLE "allocations";
-- reverse: create index "lease_status_updated_at" to table: "leases"
DROP INDEX "lease_status_updated_at";
-- reverse: create index "lease_status_ends_at" to table: "leases"
DROP INDEX "lease_status_ends_at";
-- reverse: create index "lease_owner_id_status" to table: "leases"
DROP INDEX "lease_owner_id_status";
-- reverse: create index "lease_owner_id_idempotency_key" to table: "leases"
DROP INDEX "lease_owner_id_idempotency_key";
-- reverse: create index "lease_cost_center_id_status" to table: "leases"
DROP INDEX "lease_cost_center_id_status";
-- reverse: create "leases" table
DROP TABLE "leases";
-- reverse: create index "users_name_key" to table: "users"
DROP INDEX "users_name_key";
-- reverse: create index "user_cost_center_id_role" to table: "users"
DROP INDEX "user_cost_center_id_role";
-- reverse: create "users" table
DROP TABLE "users";
-- reverse: create index "cost_centers_code_key" to table: "cost_centers"
DROP INDEX "cost_centers_code_key";
-- reverse: create "cost_centers" table
DROP TABLE "cost_centers";
-- reverse: create index "inventoryitem_status_status_changed_at" to table: "inventory_items"
DROP INDEX "inventoryitem_status_status_changed_at";
-- reverse: create index "inventoryitem_status_next_attempt_at" to table: "inventory_items"
DROP INDEX "inventoryitem_status_next_attempt_at";
-- reverse: create index "inventoryitem_product_id_status_id" to table: "inventory_items"
DROP INDEX "inventoryitem_product_id_status_id";
-- reverse: create index "inventoryitem_product_id_id" to table: "inventory_items"
DROP INDEX "inventoryitem_product_id_id";
-- reverse: create index "inventory_items_name_key" to table: "inventory_items"
DROP INDEX "inventory_items_name_key";
-- reverse: create "inventory_items" table
DROP TABLE "inventory_items";
-- reverse: create index "products_sku_key" to table: "products"
DROP INDEX "products_sku_key";
-- reverse: create index "product_retired_at_custom" to table: "products"
DROP INDEX "product_retired_at_custom";
-- reverse: create "products" table
DROP TABLE "products";
-- reverse: create index "jobrun_job_started_at" to table: "job_runs"
DROP INDEX "jobrun_job_started_at";
-- reverse: create "job_runs" table
DROP TABLE "job_runs";
-- reverse: create "bags" table
DROP TABLE "bags";
