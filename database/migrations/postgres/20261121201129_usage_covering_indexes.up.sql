-- drop index "order_period_end" from table: "orders"
DROP INDEX "order_period_end";
-- create index "order_usage" to table: "orders"
CREATE INDEX "order_usage" ON "orders" ("period_end", "period_start", "cost_center_id", "user_id", "lease_id", "contents_bag_id");
-- drop index "stack_bag_id_product_id" from table: "stacks"
DROP INDEX "stack_bag_id_product_id";
-- create index "stack_usage" to table: "stacks"
CREATE INDEX "stack_usage" ON "stacks" ("bag_id", "product_id", "quantity", "price", "currency");
