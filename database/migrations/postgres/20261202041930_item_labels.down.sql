-- reverse: create index "itemlabel_label_item_id" to table: "item_labels"
DROP INDEX "itemlabel_label_item_id";
-- reverse: create index "itemlabel_item_id_label" to table: "item_labels"
DROP INDEX "itemlabel_item_id_label";
-- reverse: create "item_labels" table
DROP TABLE "item_labels";
-- reverse: create index "inventoryitem_product_id_status_pool_id" to table: "inventory_items"
DROP INDEX "inventoryitem_product_id_status_pool_id";
