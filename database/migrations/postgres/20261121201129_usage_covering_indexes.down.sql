-- reverse: create index "stack_usage" to table: "stacks"
DROP INDEX "stack_usage";
-- reverse: drop index "stack_bag_id_product_id" from table: "stacks"
CREATE INDEX "stack_bag_id_product_id" ON "stacks" ("bag_id", "product_id");
-- reverse: create index "order_usage" to table: "orders"
DROP INDEX "order_usage";
-- reverse: drop index "order_period_end" from table: "orders"
CREATE INDEX "order_period_end" ON "orders" ("period_end");
