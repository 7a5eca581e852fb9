package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/database"
)

func main() {
	ctx := context.Background()
	st, err := database.Open(ctx, os.Args[1], database.Options{})
	if err != nil {
		panic(err)
	}
	var pids []any
	rows, _ := st.DB.Query("select id from products")
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		pids = append(pids, id)
	}
	rows.Close()
	var parts []string
	var args []any
	for i, p := range pids {
		parts = append(parts, fmt.Sprintf("SELECT * FROM (SELECT `inventory_items`.`id`, `inventory_items`.`product_id`, (0) AS `total` FROM `inventory_items` WHERE `inventory_items`.`product_id` = ? ORDER BY `inventory_items`.`id` LIMIT 6) AS `p%d`", i))
		args = append(args, p)
	}
	ph := strings.Repeat("?,", len(pids))
	parts = append(parts, "SELECT * FROM (SELECT 0 AS id, stock_counts.product_id, CAST(SUM(stock_counts.count) AS BIGINT) AS total FROM stock_counts WHERE stock_counts.product_id IN ("+ph[:len(ph)-1]+") GROUP BY stock_counts.product_id) AS totals")
	args = append(args, pids...)
	q := strings.Join(parts, " UNION ALL ")
	run := func(name, q string, args []any) {
		t0 := time.Now()
		n := 0
		for range 3000 {
			rows, err := st.DB.QueryContext(ctx, q, args...)
			if err != nil {
				panic(err)
			}
			for rows.Next() {
				n++
			}
			rows.Close()
		}
		fmt.Println(name, time.Since(t0)/3000, n/3000)
	}
	run("union", q, args)
	run("one product", "SELECT id, product_id, 0 FROM inventory_items WHERE product_id = ? ORDER BY id LIMIT 6", pids[:1])
	run("totals", "SELECT 0 AS id, stock_counts.product_id, CAST(SUM(stock_counts.count) AS BIGINT) AS total FROM stock_counts WHERE stock_counts.product_id IN ("+ph[:len(ph)-1]+") GROUP BY stock_counts.product_id", pids)
	run("items by id", "SELECT id, name, status, product_id, created_at, updated_at, pool, labels FROM inventory_items WHERE id IN (1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48) ORDER BY id", nil)
}
